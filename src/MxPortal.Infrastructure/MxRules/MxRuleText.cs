using MxPortal.Domain.MxRules;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>One-line descriptions of rules for the audit trail's before/after values.</summary>
internal static class MxRuleText
{
    public static string Describe(MxRule r) =>
        $"mask={r.Mask}; identifiers={r.Identifiers}; shared={r.Shared}; maxConnections={r.MaxConnections}; " +
        $"maxMessagesPerConnection={r.MaxMessagesPerConnection}; messagesPerHour={r.MessagesPerHour}; " +
        $"connectionTimeout={Duration.Format(r.ConnectionTimeout)}; dataTimeout={Duration.Format(r.DataTimeout)}; " +
        $"timeout={Duration.Format(r.Timeout)}; tls={r.Tls}; enabled={r.Enabled}; source={r.Source}; comment={r.Comment}";

    /// <summary>What an import changed, by mask: a whole-set before/after would not fit an audit entry.</summary>
    public static string DescribeImport(MxRuleSet before, MxRuleSet after)
    {
        var old = before.Rules.ToDictionary(r => MxMask.Normalize(r.Mask));
        var now = after.Rules.ToDictionary(r => MxMask.Normalize(r.Mask));
        var added = now.Keys.Where(k => !old.ContainsKey(k)).ToList();
        var removed = old.Keys.Where(k => !now.ContainsKey(k)).ToList();
        var changed = now.Keys.Where(k => old.TryGetValue(k, out var o) && o != now[k]).ToList();
        return $"before: {before.Rules.Count} rules ({Masks(before)}); after: {after.Rules.Count} rules ({Masks(after)}); " +
               $"added: {List(added)}; removed: {List(removed)}; changed: {List(changed)}";
    }

    private static string Masks(MxRuleSet set) => string.Join(", ", set.Rules.Select(r => r.Mask));

    private static string List(List<string> masks) => masks.Count == 0 ? "none" : string.Join(", ", masks);
}
