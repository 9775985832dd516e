using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// The database-level guard that keeps two polls of one mailbox apart, across nodes and job storages:
/// a conditional UPDATE takes the lease only when it is free or expired. A node that dies holding it
/// blocks the mailbox until <see cref="Length"/> has passed, no longer.
/// </summary>
public sealed class MailboxPollLease(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(10);

    /// <summary>Takes (or, for its holder, extends) the lease; false when another run holds it.</summary>
    public async Task<bool> TryAcquireAsync(int mailboxId, string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + Length;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Note: one statement, so the check and the take are atomic on both SQLite (a single writer)
        // and PostgreSQL (a concurrent UPDATE re-reads the row after the first commits).
        var taken = await db.BounceMailboxes
            .Where(m => m.Id == mailboxId && (m.LeaseUntilUtc == null || m.LeaseUntilUtc < now || m.LeaseOwner == owner))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseUntilUtc, until), ct);
        return taken == 1;
    }

    public async Task ReleaseAsync(int mailboxId, string owner, string result)
    {
        var now = time.GetUtcNow().UtcDateTime;
        result = result.Length <= 2000 ? result : result[..2000];
        // Note: not cancellable: a cancelled run must still give the mailbox back.
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await db.BounceMailboxes.Where(m => m.Id == mailboxId && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LastPollUtc, now).SetProperty(m => m.LastPollResult, result), CancellationToken.None);
    }
}
