using Hangfire;
using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The client's scheduled synchronization (<c>Sync:Cron</c>, daily at 06:00 by default). A failed run is recorded and
/// then thrown, so Hangfire retries it a few times before the next schedule; the rules in force never change on failure.
/// </summary>
public sealed class RuleSyncJob(RuleSyncService sync)
{
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [300, 900, 1800])]
    public async Task RunAsync(CancellationToken ct)
    {
        var run = await sync.RunAsync(RuleSyncService.ScheduleTrigger, ct);
        if (run.Result == SyncResult.Failed) throw new RuleFeedException($"Synchronization failed (run {run.Id}): {run.Error}");
    }
}
