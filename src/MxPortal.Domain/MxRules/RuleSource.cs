namespace MxPortal.Domain.MxRules;

/// <summary>Where a rule comes from; synchronization never overwrites <see cref="Local"/> rules.</summary>
public enum RuleSource
{
    Local = 0,
    Synced = 1,
}
