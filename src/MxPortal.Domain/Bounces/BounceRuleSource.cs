namespace MxPortal.Domain.Bounces;

/// <summary>Where a bounce rule comes from: synchronization never overwrites <see cref="Local"/> rules (DOMAIN.md §9).</summary>
public enum BounceRuleSource
{
    Local,
    Synced,
}
