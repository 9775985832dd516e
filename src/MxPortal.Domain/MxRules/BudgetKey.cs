using System.Net;

namespace MxPortal.Domain.MxRules;

/// <summary>
/// Identifies one quota pool (DOMAIN.md §2). A shared rule has one pool per (rule, identity), so
/// <see cref="RemoteIp"/> is null; a non-shared rule has one per path (identity, remote MX IP).
/// The rule is named by its mask: unique in a set and stable when rules are reordered.
/// </summary>
public readonly record struct BudgetKey(string RuleMask, int PublicId, IPAddress? RemoteIp)
{
    public override string ToString() => $"{RuleMask}|{PublicId}|{RemoteIp?.ToString() ?? "shared"}";
}
