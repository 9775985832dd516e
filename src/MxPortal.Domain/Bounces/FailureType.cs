namespace MxPortal.Domain.Bounces;

/// <summary>What a failure does to the address (DOMAIN.md §5).</summary>
public enum FailureType
{
    /// <summary>Quarantine at once.</summary>
    Hard,

    /// <summary>Counted; quarantined after repeated errors.</summary>
    Soft,

    /// <summary>Never quarantines (auto-replies, delivery notifications).</summary>
    Ignored,
}
