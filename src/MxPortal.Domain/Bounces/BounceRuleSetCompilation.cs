namespace MxPortal.Domain.Bounces;

/// <summary>
/// The outcome of compiling rules: either a usable set or every error found, so an editor or a
/// synchronization can report all of them at once and a broken set never half-applies.
/// </summary>
public sealed record BounceRuleSetCompilation(BounceRuleSet? RuleSet, IReadOnlyList<string> Errors)
{
    public bool IsValid => RuleSet is not null;
}
