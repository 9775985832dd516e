namespace MxPortal.Domain.MxRules;

/// <summary>
/// Checks a whole ordered rule list and returns every error, never just the first, so an import or a sync
/// can be refused with the complete list.
/// </summary>
public static class MxRuleValidator
{
    public static IReadOnlyList<RuleError> Validate(IReadOnlyList<MxRule> rules)
    {
        var errors = new List<RuleError>();
        var firstIndexByMask = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            void Add(string field, string message) => errors.Add(new RuleError(i, rule.Mask, field, message));

            if (MxMask.Validate(rule.Mask) is { } maskError) Add(nameof(MxRule.Mask), maskError + ".");
            else if (!firstIndexByMask.TryAdd(MxMask.Normalize(rule.Mask), i))
                Add(nameof(MxRule.Mask), $"duplicates the mask of rule {firstIndexByMask[MxMask.Normalize(rule.Mask)] + 1}.");
            if (!IdentifierRange.TryParse(rule.Identifiers, out _, out var rangeError))
                Add(nameof(MxRule.Identifiers), rangeError + ".");
            CheckPositive(rule.MaxConnections, nameof(MxRule.MaxConnections), Add);
            CheckPositive(rule.MaxMessagesPerConnection, nameof(MxRule.MaxMessagesPerConnection), Add);
            CheckPositive(rule.MessagesPerHour, nameof(MxRule.MessagesPerHour), Add);
            CheckDuration(rule.ConnectionTimeout, nameof(MxRule.ConnectionTimeout), Add);
            CheckDuration(rule.DataTimeout, nameof(MxRule.DataTimeout), Add);
            CheckDuration(rule.Timeout, nameof(MxRule.Timeout), Add);
            if (!Enum.IsDefined(rule.Tls)) Add(nameof(MxRule.Tls), $"{(int)rule.Tls} is not a TLS mode.");
            if (!Enum.IsDefined(rule.Source)) Add(nameof(MxRule.Source), $"{(int)rule.Source} is not a rule source.");
            if (rule.IsGeneric && !rule.Enabled) Add(nameof(MxRule.Enabled), "the generic rule '*' cannot be disabled.");
            if (rule.IsGeneric && !string.IsNullOrWhiteSpace(rule.Identifiers))
                Add(nameof(MxRule.Identifiers), "the generic rule '*' must apply to every identity (leave the range empty).");
        }
        CheckGenericLast(rules, errors);
        return errors;
    }

    private static void CheckGenericLast(IReadOnlyList<MxRule> rules, List<RuleError> errors)
    {
        var generic = -1;
        for (var i = 0; i < rules.Count; i++)
            if (rules[i].IsGeneric) generic = i;
        if (generic < 0)
            errors.Add(new RuleError(null, null, "", "the generic rule '*' is missing; it must be the last rule."));
        else if (generic != rules.Count - 1)
            errors.Add(new RuleError(generic, rules[generic].Mask, "", "the generic rule '*' must be the last rule."));
    }

    private static void CheckPositive(int value, string field, Action<string, string> add)
    {
        if (value <= 0) add(field, $"must be a positive whole number (was {value}).");
    }

    private static void CheckDuration(TimeSpan value, string field, Action<string, string> add)
    {
        if (value <= TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0)
            add(field, $"must be a positive whole number of seconds (was {value}).");
    }
}
