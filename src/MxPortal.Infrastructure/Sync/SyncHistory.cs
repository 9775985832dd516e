using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Sync;

/// <summary>Reads the client's synchronization history for the page (every role may read it).</summary>
public sealed class SyncHistory(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>The latest runs, newest first, without their changes (see <see cref="ChangesAsync"/>).</summary>
    public async Task<IReadOnlyList<SyncRunSummary>> RecentAsync(int take = 50, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(take)
            .Select(r => new SyncRunSummary(r.Id, r.StartedUtc, r.FinishedUtc, r.Trigger, r.Result, r.FeedVersion, r.Error, r.Note, r.Changes.Count))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SyncChangeRow>> ChangesAsync(long runId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncChanges.AsNoTracking().Where(c => c.SyncRunId == runId).OrderBy(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The feed in force on this client (the last valid one received), or null.</summary>
    public async Task<FeedSnapshot?> SnapshotAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncFeedSnapshots.AsNoTracking().SingleOrDefaultAsync(ct);
    }

    public async Task<SyncRunSummary?> LastSuccessAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SyncRuns.AsNoTracking().Where(r => r.Result != SyncResult.Failed).OrderByDescending(r => r.Id)
            .Select(r => new SyncRunSummary(r.Id, r.StartedUtc, r.FinishedUtc, r.Trigger, r.Result, r.FeedVersion, r.Error, r.Note, r.Changes.Count))
            .FirstOrDefaultAsync(ct);
    }
}
