using Hangfire;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, with its stable id and default schedule, in one place. Later features add rows here
/// (bounce mailbox polling, daily rule synchronization, quarantine clean-up). Ids are stored by Hangfire: never rename one.
/// </summary>
public static class RecurringJobTable
{
    public const string DatabaseMaintenance = "database-maintenance";

    public const string QuarantineCleanUp = "quarantine-cleanup";

    /// <summary>A synchronization client's daily pull of the publisher's feed (<c>Sync:Cron</c>); absent on other instances.</summary>
    public const string RuleSync = "rule-sync";

    /// <summary>One bounce mailbox poll per mailbox: <c>bounce-mailbox-{id}</c>, kept in step with the database by
    /// <see cref="BounceMailboxJobScheduler"/>.</summary>
    public const string BounceMailboxPrefix = "bounce-mailbox-";

    public static IReadOnlyList<string> Ids { get; } = [DatabaseMaintenance, QuarantineCleanUp];

    public static string BounceMailbox(int mailboxId) =>
        BounceMailboxPrefix + mailboxId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static void RegisterBounceMailbox(IRecurringJobManager jobs, int mailboxId, int pollIntervalMinutes)
    {
        // Note: UTC, because a minute step means the same in every zone; a step that does not divide 60
        // restarts at each full hour (cron semantics), hence the 1-60 range of the setting.
        jobs.AddOrUpdate<BounceMailboxPollJob>(BounceMailbox(mailboxId), j => j.RunAsync(mailboxId, CancellationToken.None),
            pollIntervalMinutes >= 60 ? "0 * * * *" : $"*/{Math.Max(1, pollIntervalMinutes)} * * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }

    public static void Register(IRecurringJobManager jobs, TimeZoneInfo zone, SyncOptions? sync = null)
    {
        if (sync?.EffectiveRole == SyncRole.Client)
            jobs.AddOrUpdate<RuleSyncJob>(RuleSync, j => j.RunAsync(CancellationToken.None), sync.Cron, new RecurringJobOptions { TimeZone = zone });
        else
            jobs.RemoveIfExists(RuleSync);
        jobs.AddOrUpdate<DatabaseMaintenanceJob>(DatabaseMaintenance, j => j.RunAsync(CancellationToken.None),
            "30 3 * * *", new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<QuarantineCleanUpJob>(QuarantineCleanUp, j => j.RunAsync(CancellationToken.None),
            "0 4 * * *", new RecurringJobOptions { TimeZone = zone });
    }
}
