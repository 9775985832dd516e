using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MxPortal.Infrastructure.Health;

/// <summary>Healthy when the job storage answers; reports servers and queue sizes.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var api = storage.GetMonitoringApi();
            var stats = api.GetStatistics();
            var data = new Dictionary<string, object>
            {
                ["servers"] = stats.Servers,
                ["enqueued"] = stats.Enqueued,
                ["failed"] = stats.Failed,
                ["recurring"] = stats.Recurring,
            };
            return Task.FromResult(HealthCheckResult.Healthy($"{storage.GetType().Name}: {stats.Servers} server(s).", data));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage failed: " + e.Message, e));
        }
    }
}
