using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Bounces;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// Writes and reads the feed document (schema: docs/sync-api.md). The MX and bounce rule sections are the very
/// documents of the rule exports (docs/mx-rules-json.md, docs/bounce-rules-json.md), read by the same importers, so
/// a feed is held to the same rules as a file a person imports. Reading refuses the whole feed on any problem.
/// </summary>
public static class RuleFeedJson
{
    public const string Format = "mxportal.rule-feed";
    public const int SchemaVersion = 1;
    private const int MaxErrors = 25;

    private static readonly string[] Members =
        ["format", "schemaVersion", "version", "issuedAtUtc", "publisher", "mxRules", "throughputFactors", "bounceRules", "suppression"];

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The feed document and its version: a hash of everything but the version and the issue time, so the version
    /// (and the ETag) only moves when a rule does.
    /// </summary>
    public static (string Version, byte[] Payload) Write(string publisher, DateTime issuedAtUtc, MxRuleSet mxRules, ThroughputLevels levels,
        IEnumerable<BounceRule> bounceRules, IEnumerable<SuppressionEntry> suppression)
    {
        var content = Content(mxRules, levels, bounceRules, suppression);
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToJsonString(Compact))))[..32];
        var document = new JsonObject
        {
            ["format"] = Format,
            ["schemaVersion"] = SchemaVersion,
            ["version"] = version,
            ["issuedAtUtc"] = issuedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["publisher"] = publisher,
        };
        foreach (var (name, node) in content.ToList())
        {
            content.Remove(name);
            document[name] = node;
        }
        return (version, Encoding.UTF8.GetBytes(document.ToJsonString(Compact)));
    }

    private static JsonObject Content(MxRuleSet mxRules, ThroughputLevels levels, IEnumerable<BounceRule> bounceRules, IEnumerable<SuppressionEntry> suppression)
    {
        var factors = new JsonObject();
        foreach (var level in Enum.GetValues<ThroughputLevel>()) factors[level.ToString()] = levels.Factor(level);
        var entries = suppression.OrderBy(e => e.Value, StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["mxRules"] = JsonNode.Parse(MxRuleSetJson.Export(mxRules)),
            ["throughputFactors"] = factors,
            ["bounceRules"] = JsonNode.Parse(BounceRulesJson.Export(bounceRules)),
            ["suppression"] = new JsonObject
            {
                ["addresses"] = new JsonArray([.. entries.Where(e => e.Kind == SuppressionKind.Address).Select(e => (JsonNode)e.Value)]),
                ["domains"] = new JsonArray([.. entries.Where(e => e.Kind == SuppressionKind.Domain).Select(e => (JsonNode)e.Value)]),
            },
        };
    }

    /// <summary>The feed, or every reason (up to 25) it is refused.</summary>
    public static (RuleFeed? Feed, IReadOnlyList<string> Errors) Read(ReadOnlySpan<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = FeedLimits.MaxDepth });
        }
        catch (JsonException e)
        {
            return (null, [$"the feed is not JSON: {e.Message}"]);
        }
        using (document)
        {
            var errors = new List<string>();
            var feed = Read(document.RootElement, errors);
            return errors.Count == 0 ? (feed, []) : (null, errors.Take(MaxErrors).ToList());
        }
    }

    private static RuleFeed? Read(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object) return Fail(errors, "the feed is not a JSON object.");
        foreach (var member in root.EnumerateObject())
            if (!Members.Contains(member.Name, StringComparer.Ordinal)) errors.Add($"'{Clip(member.Name)}' is not a feed field.");
        if (Text(root, "format", errors) != Format) errors.Add($"format must be \"{Format}\".");
        if (!root.TryGetProperty("schemaVersion", out var schema) || schema.ValueKind != JsonValueKind.Number || schema.GetRawText() != "1")
            errors.Add($"schemaVersion must be {SchemaVersion}.");
        var version = Text(root, "version", errors) ?? "";
        if (version.Length is 0 or > 64 || !version.All(char.IsAsciiHexDigitLower)) errors.Add("version must be 1 to 64 lower-case hex digits.");
        var issued = Text(root, "issuedAtUtc", errors);
        if (!DateTime.TryParseExact(issued, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var issuedAt))
            errors.Add("issuedAtUtc must be a UTC time like 2026-11-27T06:00:00Z.");
        var publisher = Text(root, "publisher", errors) ?? "";
        if (publisher.Length > FeedLimits.MaxPublisherLength) errors.Add($"publisher is longer than {FeedLimits.MaxPublisherLength} characters.");
        if (errors.Count > 0) return null;

        var mx = ReadMxRules(root, errors);
        var factors = ReadFactors(root, errors);
        var bounces = ReadBounceRules(root, errors);
        var suppression = ReadSuppression(root, errors);
        return errors.Count > 0 ? null : new RuleFeed(version, issuedAt, publisher, mx!, factors!, bounces!, suppression!);
    }

    private static List<MxRule>? ReadMxRules(JsonElement root, List<string> errors)
    {
        if (Section(root, "mxRules", "rules", FeedLimits.MaxMxRules, errors) is not { } section) return null;
        var result = MxRuleSetJson.Import(section.GetRawText());
        if (result.RuleSet is null)
        {
            errors.AddRange(result.Errors.Select(e => $"mxRules: {e}"));
            return null;
        }
        foreach (var (rule, i) in result.RuleSet.Rules.Select((r, i) => (r, i + 1)))
        {
            if (rule.Comment.Length > FeedLimits.MaxCommentLength) errors.Add($"mxRules: rule {i}: comment is longer than {FeedLimits.MaxCommentLength} characters.");
            if (rule.Identifiers.Length > 256) errors.Add($"mxRules: rule {i}: identifiers is longer than 256 characters.");
        }
        return [.. result.RuleSet.Rules.Select(r => r with { Source = RuleSource.Synced })];
    }

    private static Dictionary<ThroughputLevel, decimal>? ReadFactors(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("throughputFactors", out var node) || node.ValueKind != JsonValueKind.Object)
            return Fail<Dictionary<ThroughputLevel, decimal>>(errors, "throughputFactors must be an object of level: factor.");
        var factors = new Dictionary<ThroughputLevel, decimal>();
        foreach (var p in node.EnumerateObject())
        {
            if (!Enum.TryParse<ThroughputLevel>(p.Name, false, out var level) || !Enum.IsDefined(level) || int.TryParse(p.Name, out _))
                errors.Add($"throughputFactors: '{Clip(p.Name)}' is not a throughput level.");
            else if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDecimal(out var f))
                errors.Add($"throughputFactors: {p.Name} must be a number.");
            else factors[level] = f;
        }
        var invalid = ThroughputLevels.Validate(factors);
        errors.AddRange(invalid.Select(e => $"throughputFactors: {e}"));
        return invalid.Count == 0 ? factors : null;
    }

    private static List<BounceRule>? ReadBounceRules(JsonElement root, List<string> errors)
    {
        if (Section(root, "bounceRules", "rules", FeedLimits.MaxBounceRules, errors) is not { } section) return null;
        var before = errors.Count;
        var i = 0;
        foreach (var rule in section.GetProperty("rules").EnumerateArray())
        {
            i++;
            if (rule.ValueKind != JsonValueKind.Object) continue; // the importer names it
            CheckLength(rule, "pattern", FeedLimits.MaxPatternLength, i, errors);
            CheckLength(rule, "name", FeedLimits.MaxNameLength, i, errors);
            CheckLength(rule, "comment", FeedLimits.MaxCommentLength, i, errors);
        }
        // Note: the length limits come first so no oversized pattern is ever handed to the regex compiler.
        if (errors.Count > before) return null;
        var compiled = BounceRulesJson.Import(section.GetRawText());
        if (compiled.RuleSet is null)
        {
            errors.AddRange(compiled.Errors.Select(e => $"bounceRules: {e}"));
            return null;
        }
        var rules = compiled.RuleSet.ToRules();
        // Note: the same gate as a rule typed on the bounce rules page: a pattern the linear engine cannot run must
        // not blow up on backtracking probes.
        foreach (var rule in rules)
            if (BounceRulePatternCheck.Check(rule.Name, rule.Pattern) is { } slow) errors.Add($"bounceRules: {slow}");
        return [.. rules.Select(r => { r.Source = BounceRuleSource.Synced; return r; })];
    }

    private static List<SuppressionEntry>? ReadSuppression(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("suppression", out var node) || node.ValueKind != JsonValueKind.Object)
            return Fail<List<SuppressionEntry>>(errors, "suppression must be an object with \"addresses\" and \"domains\".");
        var entries = new List<SuppressionEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, kind) in new[] { ("addresses", SuppressionKind.Address), ("domains", SuppressionKind.Domain) })
        {
            if (!node.TryGetProperty(field, out var list) || list.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"suppression.{field} must be an array of strings.");
                continue;
            }
            if (list.GetArrayLength() + entries.Count > FeedLimits.MaxSuppressionEntries)
            {
                errors.Add($"suppression has more than {FeedLimits.MaxSuppressionEntries} entries.");
                continue;
            }
            foreach (var item in list.EnumerateArray())
            {
                var entry = item.ValueKind == JsonValueKind.String ? SuppressionEntry.TryParse(item.GetString(), out var error, RuleSource.Synced) : null;
                if (entry is null || entry.Kind != kind) errors.Add($"suppression.{field}: '{Clip(item.ToString())}' is not {(kind == SuppressionKind.Address ? "an address" : "a domain")}.");
                else if (seen.Add(entry.Value)) entries.Add(entry);
            }
        }
        foreach (var p in node.EnumerateObject())
            if (p.Name is not ("addresses" or "domains")) errors.Add($"suppression: '{Clip(p.Name)}' is not a field.");
        return entries;
    }

    /// <summary>An embedded rules document, after checking its list is an array no longer than <paramref name="max"/>.</summary>
    private static JsonElement? Section(JsonElement root, string name, string list, int max, List<string> errors)
    {
        if (!root.TryGetProperty(name, out var section) || section.ValueKind != JsonValueKind.Object
            || !section.TryGetProperty(list, out var rules) || rules.ValueKind != JsonValueKind.Array)
            return Fail<JsonElement?>(errors, $"{name} must be an object with a \"{list}\" array.");
        if (rules.GetArrayLength() > max) return Fail<JsonElement?>(errors, $"{name}: more than {max} rules.");
        return section;
    }

    private static void CheckLength(JsonElement rule, string field, int max, int index, List<string> errors)
    {
        if (rule.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > max)
            errors.Add($"bounceRules: rule #{index}: {field} is longer than {max} characters.");
    }

    private static string? Text(JsonElement root, string name, List<string> errors)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
        errors.Add($"{name} is missing or not a string.");
        return null;
    }

    private static RuleFeed? Fail(List<string> errors, string message) => Fail<RuleFeed>(errors, message);

    private static T? Fail<T>(List<string> errors, string message)
    {
        errors.Add(message);
        return default;
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
