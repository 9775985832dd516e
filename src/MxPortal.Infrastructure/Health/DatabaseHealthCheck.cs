using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Health;

/// <summary>Healthy when the database answers and has no pending migration.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<AppDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("The database does not answer.");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            var provider = db.Database.ProviderName?.Split('.').Last();
            return pending == 0
                ? HealthCheckResult.Healthy($"{provider}: schema up to date.")
                : HealthCheckResult.Degraded($"{provider}: {pending} pending migration(s).");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database failed: " + e.Message, e);
        }
    }
}
