using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Tests.MxRules;

/// <summary>Short ways to write rule sets in tests: the masks given, in order, then the generic rule.</summary>
internal static class RuleBuilder
{
    public static MxRule Rule(string mask, string identifiers = "", bool enabled = true, bool shared = false,
        int perHour = 10_000, int connections = 10) => new()
        {
            Mask = mask,
            Identifiers = identifiers,
            Enabled = enabled,
            Shared = shared,
            MessagesPerHour = perHour,
            MaxConnections = connections,
        };

    public static MxRuleSet Set(params MxRule[] rules) =>
        MxRuleSet.Create([.. rules, Rule(MxRule.GenericMask)]).GetOrThrow();
}
