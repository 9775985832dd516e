using MxPortal.Domain.MxRules;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>The outcome of a rule-set change: the set now stored, or every reason it was refused (nothing stored).</summary>
public sealed record MxRuleChange(MxRuleSet? RuleSet, IReadOnlyList<RuleError> Errors)
{
    public bool Applied => RuleSet is not null;

    public static MxRuleChange Refused(IReadOnlyList<RuleError> errors) => new(null, errors);

    public static MxRuleChange Refused(string? mask, string message) => new(null, [new RuleError(null, mask, "", message)]);
}
