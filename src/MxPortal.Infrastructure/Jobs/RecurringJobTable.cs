using Hangfire;

namespace MxPortal.Infrastructure.Jobs;

/// <summary>
/// Every recurring job, with its stable id and default schedule, in one place. Later features add rows here
/// (bounce mailbox polling, daily rule synchronization, quarantine clean-up). Ids are stored by Hangfire: never rename one.
/// </summary>
public static class RecurringJobTable
{
    public const string DatabaseMaintenance = "database-maintenance";

    public static IReadOnlyList<string> Ids { get; } = [DatabaseMaintenance];

    public static void Register(IRecurringJobManager jobs, TimeZoneInfo zone)
    {
        jobs.AddOrUpdate<DatabaseMaintenanceJob>(DatabaseMaintenance, j => j.RunAsync(CancellationToken.None),
            "30 3 * * *", new RecurringJobOptions { TimeZone = zone });
    }
}
