using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

public sealed record SyncRunSummary(long Id, DateTime StartedUtc, DateTime FinishedUtc, string Trigger, SyncResult Result,
    string? FeedVersion, string? Error, string? Note, int ChangeCount);
