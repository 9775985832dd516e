using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Jobs;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// Keeps one recurring poll per enabled mailbox (<see cref="RecurringJobTable.BounceMailbox"/>) and none for
/// disabled or deleted ones. Reads the database each time, so it is safe to call at every start and after each edit.
/// </summary>
public sealed class BounceMailboxJobScheduler(IDbContextFactory<AppDbContext> contexts, IRecurringJobManager jobs, JobStorage storage)
{
    public async Task SyncAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var mailboxes = await db.BounceMailboxes.AsNoTracking()
            .Select(m => new { m.Id, m.Enabled, m.PollIntervalMinutes }).ToListAsync(ct);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mailboxes.Where(m => m.Enabled))
        {
            RecurringJobTable.RegisterBounceMailbox(jobs, m.Id, m.PollIntervalMinutes);
            wanted.Add(RecurringJobTable.BounceMailbox(m.Id));
        }

        using var connection = storage.GetConnection();
        foreach (var job in connection.GetRecurringJobs())
        {
            if (job.Id.StartsWith(RecurringJobTable.BounceMailboxPrefix, StringComparison.Ordinal) && !wanted.Contains(job.Id))
                jobs.RemoveIfExists(job.Id);
        }
    }
}
