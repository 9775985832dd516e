namespace MxPortal.Domain.Sync;

/// <summary>How a synchronization run ended.</summary>
public enum SyncResult
{
    /// <summary>The feed was valid and changed at least one rule.</summary>
    Applied = 0,

    /// <summary>The feed was valid (or not modified) and nothing needed to change.</summary>
    Unchanged = 1,

    /// <summary>Nothing was applied: the publisher could not be reached or the feed was refused; the last good rules stay.</summary>
    Failed = 2,
}
