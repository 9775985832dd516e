using System.Net;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;

namespace MxPortal.Web.Components.Pages.MxRules;

/// <summary>
/// What the "Test a domain" page shows: for each MX host and each sending identity allowed to send to the domain,
/// the governing rule, why it (and not an earlier one) applies, and the limits at that identity's level.
/// </summary>
public static class DomainReport
{
    /// <summary>The domain of an address (after the last @), or the text itself, trimmed and without a trailing dot.</summary>
    public static string DomainOf(string input)
    {
        var text = input.Trim();
        var at = text.LastIndexOf('@');
        return (at >= 0 ? text[(at + 1)..] : text).TrimEnd('.').ToLowerInvariant();
    }

    public static string FailureText(MxResolution resolution) => resolution.Failure switch
    {
        MxFailure.NullMx => $"{resolution.Domain} accepts no mail: it publishes a null MX (RFC 7505). Hard / Invalid domain. {resolution.Message}",
        MxFailure.InvalidDomain => $"{resolution.Domain} has no usable mail host (NXDOMAIN or no address). Soft / Invalid domain. {resolution.Message}",
        MxFailure.Temporary => $"DNS did not answer for {resolution.Domain} (timeout, SERVFAIL or refused). Soft / Unreachable, retried later. {resolution.Message}",
        _ => "",
    };

    public static IReadOnlyList<HostRuleRow> Rows(MxResolution resolution, MxRuleSet rules, ThroughputSettings settings,
        IReadOnlyList<SendingIdentity> identities, ThroughputLevels? levels = null)
    {
        var eligible = new IdentitySelector(identities).Eligible(resolution.Domain);
        // Note: with no identity configured (or none allowed) the limits are still worth seeing; public id 0 stands in.
        var shown = eligible.Count > 0 ? eligible : [new SendingIdentity { PublicId = 0, SourceIp = "", HeloName = "" }];
        var rows = new List<HostRuleRow>();
        foreach (var host in resolution.Hosts)
        foreach (var identity in shown)
        {
            var remote = host.Addresses.Count > 0 ? host.Addresses[0] : IPAddress.None;
            var budget = MxBudgets.For(rules, levels ?? ThroughputLevels.Default, settings, identity, host.Name, remote);
            var who = eligible.Count > 0 ? $"{identity.PublicId} ({identity.SourceIp})" : "none allowed (id 0 shown)";
            rows.Add(new HostRuleRow(host.Name, host.Preference, string.Join(", ", host.Addresses), who,
                budget.RuleIndex + 1, budget.Rule.Mask, Why(rules, host.Name, identity.PublicId, budget.RuleIndex),
                LevelText.Name(budget.Level), budget.MaxConnections, budget.MessagesPerConnection, budget.MessagesPerHour,
                budget.MessagesPerSlice, budget.Key.ToString()));
        }
        return rows;
    }

    /// <summary>Why rule <paramref name="index"/> governs: its mask matches, and what made earlier matching rules pass.</summary>
    public static string Why(MxRuleSet rules, string host, int publicId, int index)
    {
        var rule = rules.Rules[index];
        var reason = rule.IsGeneric ? "no earlier rule applies, so the generic rule '*' does" : $"'{host}' matches the mask '{rule.Mask}'";
        var skipped = new List<string>();
        for (var i = 0; i < index; i++)
        {
            var earlier = rules.Rules[i];
            if (!MxMask.Compile(earlier.Mask).IsMatch(host)) continue;
            if (!earlier.Enabled) skipped.Add($"rule {i + 1} '{earlier.Mask}' matches but is disabled");
            else skipped.Add($"rule {i + 1} '{earlier.Mask}' matches but its identifiers {earlier.Identifiers} exclude {publicId}");
        }
        return skipped.Count == 0 ? reason : $"{reason}; {string.Join("; ", skipped)}";
    }
}
