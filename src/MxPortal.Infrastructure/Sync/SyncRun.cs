using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

/// <summary>One synchronization run of a client: when, how it ended, which feed version, and what it changed.</summary>
public sealed class SyncRun
{
    public long Id { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime FinishedUtc { get; set; }

    /// <summary><c>schedule</c> or the name of the person who pressed Sync now.</summary>
    public string Trigger { get; set; } = "";

    public SyncResult Result { get; set; }

    /// <summary>The feed version applied or checked; null when none was read.</summary>
    public string? FeedVersion { get; set; }

    /// <summary>Why the run failed; null otherwise.</summary>
    public string? Error { get; set; }

    /// <summary>What else happened: 304, data types in Custom mode, texts pushed up.</summary>
    public string? Note { get; set; }

    public List<SyncChangeRow> Changes { get; set; } = [];
}
