using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>How a bounce rule reads in the audit trail.</summary>
internal static class BounceRuleText
{
    public static string Describe(BounceRuleRow row, int? position = null) =>
        $"{(position is { } p ? $"position {p + 1}, " : "")}name={row.Name}; pattern={row.Pattern}; type={row.Type}; " +
        $"reason={row.Reason.ToDisplayName()}; source={row.Source}; enabled={row.Enabled}; comment={row.Comment}";

    public static string Label(BounceRuleRow row) => $"rule '{row.Name}'";
}
