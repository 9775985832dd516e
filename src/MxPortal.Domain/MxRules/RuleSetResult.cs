namespace MxPortal.Domain.MxRules;

/// <summary>The outcome of building or editing a rule set: the new set, or every error and no set at all.</summary>
public sealed class RuleSetResult
{
    private RuleSetResult(MxRuleSet? ruleSet, IReadOnlyList<RuleError> errors)
    {
        RuleSet = ruleSet;
        Errors = errors;
    }

    public MxRuleSet? RuleSet { get; }

    public IReadOnlyList<RuleError> Errors { get; }

    public bool IsValid => RuleSet is not null;

    internal static RuleSetResult Valid(MxRuleSet set) => new(set, []);

    internal static RuleSetResult Invalid(IReadOnlyList<RuleError> errors) => new(null, errors);

    /// <exception cref="DomainException">The result is invalid; the message lists every error.</exception>
    public MxRuleSet GetOrThrow() =>
        RuleSet ?? throw new DomainException("Invalid MX rule set: " + string.Join(" ", Errors));
}
