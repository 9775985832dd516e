namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>The outcome of a change to the stored bounce rules: the rules now stored, or every reason it was refused (nothing stored).</summary>
public sealed record BounceRuleChange(IReadOnlyList<StoredBounceRule>? Rules, IReadOnlyList<string> Errors)
{
    public bool Applied => Rules is not null;

    /// <summary>The rule the change created or edited, when there is one.</summary>
    public Guid? Key { get; init; }

    public static BounceRuleChange Refused(params string[] errors) => new(null, errors);

    public static BounceRuleChange Refused(IReadOnlyList<string> errors) => new(null, errors);
}
