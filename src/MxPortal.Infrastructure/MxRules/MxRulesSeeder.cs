using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>
/// First run only: the default rules (<see cref="DefaultMxRules"/>, marked Synced as the publisher's baseline) and
/// the Normal throughput level. Anything already stored is left alone, so it is safe at every start.
/// </summary>
public sealed class MxRulesSeeder(IDbContextFactory<AppDbContext> contexts, AuditLog audit, ILogger<MxRulesSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.MxRules.AnyAsync(ct))
        {
            var rules = DefaultMxRules.Create().Rules;
            db.MxRules.AddRange(rules.Select(RowMapping.ToRow));
            audit.Add(db, AuditLog.SystemActor, "mxrule.seed", "MX rule set",
                $"before: none; after: {rules.Count} default rules ({string.Join(", ", rules.Select(r => r.Mask))})");
            logger.LogInformation("Seeded {Count} default MX rules", rules.Count);
        }
        if (!await db.ThroughputSettings.AnyAsync(ct))
            db.ThroughputSettings.Add(new ThroughputSettingRow { InstanceLevel = (int)ThroughputLevel.Normal });
        await db.SaveChangesAsync(ct);
    }
}
