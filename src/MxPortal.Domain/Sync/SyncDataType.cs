namespace MxPortal.Domain.Sync;

/// <summary>The kinds of data the deliverability instance publishes; each can be put in Custom mode on its own.</summary>
public enum SyncDataType
{
    /// <summary>MX rules and, with them, the throughput level factors.</summary>
    MxRules = 0,
    BounceRules = 1,
    Suppression = 2,
}
