using System.Text.Json;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Sync;

/// <summary>
/// The compact JSON of one rule shown in sync diffs and drift reports, in the feed's field names. Without the
/// source (a synced copy of a published rule is the same rule); with the position when order is part of the change.
/// </summary>
public static class RuleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Key(MxRule rule) => MxMask.Normalize(rule.Mask);

    public static string Key(BounceRule rule) => rule.Name.Trim().ToLowerInvariant();

    public static string Key(SuppressionEntry entry) => entry.Value;

    /// <summary>The rule as the MX rules export writes it (docs/mx-rules-json.md), compact, without its source.</summary>
    public static string Describe(MxRule r, int? position = null)
    {
        var json = MxRuleSetJson.ToJson(r);
        json.Source = null;
        var node = JsonSerializer.SerializeToNode(json, Options)!.AsObject();
        if (position is { } p) node.Insert(0, "position", p);
        return node.ToJsonString(Options);
    }

    public static string Describe(BounceRule r, int? position = null) => JsonSerializer.Serialize(new
    {
        position,
        name = r.Name,
        pattern = r.Pattern,
        type = r.Type.ToString(),
        reason = r.Reason.ToDisplayName(),
        enabled = r.Enabled,
        comment = r.Comment ?? "",
    }, Options);

    public static string Describe(SuppressionEntry e) =>
        JsonSerializer.Serialize(new { value = e.Value, kind = e.Kind.ToString() }, Options);

    public static string Describe(ThroughputLevel level, decimal factor) =>
        JsonSerializer.Serialize(new { level = level.ToString(), factor }, Options);
}
