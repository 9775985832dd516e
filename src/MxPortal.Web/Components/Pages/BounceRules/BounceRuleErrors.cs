using MxPortal.Domain.Bounces;

namespace MxPortal.Web.Components.Pages.BounceRules;

/// <summary>
/// Checks a candidate rule against the list it will join, as the store will, and sorts the messages: those about
/// the rule go on its Name or Pattern field, anything else (another rule, the set) above the form.
/// </summary>
public sealed class BounceRuleErrors
{
    public Dictionary<string, string> Fields { get; } = [];
    public List<string> General { get; } = [];

    public bool Any => Fields.Count > 0 || General.Count > 0;

    /// <param name="rules">the rules as stored, in order</param>
    /// <param name="rule">the candidate</param>
    /// <param name="index">its place: replaced there when <paramref name="replace"/>, else inserted there</param>
    /// <param name="patternChanged">whether the pattern is new, so its speed is checked as well</param>
    public static BounceRuleErrors Check(IReadOnlyList<BounceRule> rules, BounceRule rule, int index, bool replace, bool patternChanged)
    {
        var result = new BounceRuleErrors();
        if (string.IsNullOrWhiteSpace(rule.Name)) result.Fields[nameof(BounceRule.Name)] = "A name is required.";
        if (string.IsNullOrWhiteSpace(rule.Pattern)) result.Fields[nameof(BounceRule.Pattern)] = "A pattern is required.";
        if (result.Any) return result;

        var candidate = rules.ToList();
        if (replace) candidate[index] = rule;
        else candidate.Insert(Math.Clamp(index, 0, candidate.Count), rule);
        var errors = BounceRuleSet.Compile(candidate).Errors.ToList();
        if (patternChanged && errors.Count == 0 && BounceRulePatternCheck.Check(rule.Name, rule.Pattern) is { } slow) errors.Add(slow);
        result.Add(errors, rule.Name);
        return result;
    }

    /// <summary>Sorts messages that name rules ("rule 'x': …"), e.g. what the store refused.</summary>
    public void Add(IEnumerable<string> errors, string ruleName)
    {
        var prefix = $"rule '{ruleName.Trim()}': ";
        foreach (var error in errors)
        {
            if (!error.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                General.Add(error);
                continue;
            }

            var message = error[prefix.Length..];
            var field = message.Contains("pattern", StringComparison.OrdinalIgnoreCase) ? nameof(BounceRule.Pattern)
                : message.Contains("name", StringComparison.OrdinalIgnoreCase) ? nameof(BounceRule.Name)
                : null;
            if (field is null) General.Add(message);
            else Fields[field] = Fields.TryGetValue(field, out var other) ? $"{other} {message}" : message;
        }
    }
}
