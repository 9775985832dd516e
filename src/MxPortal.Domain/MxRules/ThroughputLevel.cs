namespace MxPortal.Domain.MxRules;

/// <summary>The IP ramp-up setting (DOMAIN.md §3). Published rules hold the <see cref="Normal"/> values.</summary>
public enum ThroughputLevel
{
    Slow = 0,
    Normal = 1,
    Fast = 2,
    VeryFast = 3,
    Boost = 4,
    /// <summary>The instance's own local rules as written (factor 1); synchronization is off.</summary>
    Custom = 5,
}
