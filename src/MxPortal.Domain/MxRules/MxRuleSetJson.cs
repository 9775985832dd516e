using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace MxPortal.Domain.MxRules;

/// <summary>
/// Import and export of a rule set as JSON (schema: docs/mx-rules-json.md). Export then import gives an equal
/// rule set; an invalid file is refused whole, with every error addressed by rule number and mask, or by line
/// for JSON syntax errors.
/// </summary>
public static partial class MxRuleSetJson
{
    public const string Format = "mxportal.mx-rules";
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Note: a file for people and diffs, never embedded in HTML, so keep apostrophes and accents readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Export(MxRuleSet ruleSet)
    {
        var file = new MxRuleFileJson
        {
            Format = Format,
            Version = Version,
            Rules = [.. ruleSet.Rules.Select(ToJson)],
        };
        return JsonSerializer.Serialize(file, Options);
    }

    public static RuleSetResult Import(string json)
    {
        MxRuleFileJson? file;
        try
        {
            file = JsonSerializer.Deserialize<MxRuleFileJson>(json, Options);
        }
        catch (JsonException e)
        {
            return RuleSetResult.Invalid([SyntaxError(e)]);
        }
        var header = CheckHeader(file);
        if (header is not null) return RuleSetResult.Invalid([header]);

        var errors = new List<RuleError>();
        var rules = new List<MxRule>();
        for (var i = 0; i < file!.Rules!.Count; i++)
            rules.Add(MxRuleJsonReader.Read(i, file.Rules[i], errors) ?? new MxRule { Mask = "" });
        if (errors.Count == 0) return MxRuleSet.Create(rules);

        // Note: validate the whole list anyway so duplicates and limits are reported together with the read
        // errors, skipping what a read error already explains (a missing field would also read as "not positive").
        var explained = errors.Select(e => (e.Index, e.Field)).ToHashSet();
        var nullEntries = errors.Where(e => e.Field.Length == 0).Select(e => e.Index).ToHashSet();
        foreach (var e in MxRuleValidator.Validate(rules).Select(CamelCaseField))
            if (!explained.Contains((e.Index, e.Field)) && !nullEntries.Contains(e.Index)) errors.Add(e);
        return RuleSetResult.Invalid([.. errors.OrderBy(e => e.Index ?? int.MaxValue)]);
    }

    /// <summary>Validation errors of imported rules name fields as the file spells them.</summary>
    private static RuleError CamelCaseField(RuleError e) => e with { Field = JsonNamingPolicy.CamelCase.ConvertName(e.Field) };

    private static RuleError? CheckHeader(MxRuleFileJson? file)
    {
        if (file is null) return new RuleError(null, null, "", "the file is empty (JSON null).");
        if (file.Format != Format) return new RuleError(null, null, "format", $"must be \"{Format}\" (was {Quote(file.Format)}).");
        if (file.Version != Version) return new RuleError(null, null, "version", $"must be {Version} (was {file.Version?.ToString() ?? "missing"}).");
        if (file.Rules is null) return new RuleError(null, null, "rules", "the list of rules is missing.");
        return null;
    }

    private static RuleError SyntaxError(JsonException e)
    {
        var line = e.LineNumber + 1;
        var message = Friendly(e.Message.Split(" Path:", 2)[0]);
        var match = RuleIndexInPath().Match(e.Path ?? "");
        return match.Success
            ? new RuleError(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), null,
                match.Groups[2].Value, message, line)
            : new RuleError(null, null, e.Path ?? "", message, line);
    }

    // Note: System.Text.Json names .NET types in these two messages; say it in the file's terms instead.
    private static string Friendly(string message) =>
        message.Contains("could not be converted", StringComparison.Ordinal) ? "has the wrong JSON type for this field."
        : message.Contains("could not be mapped", StringComparison.Ordinal) ? "is not a known field (see docs/mx-rules-json.md)."
        : message;

    private static string Quote(string? s) => s is null ? "missing" : $"\"{s}\"";

    internal static MxRuleJson ToJson(MxRule r) => new()
    {
        Mask = r.Mask,
        Identifiers = r.Identifiers,
        Shared = r.Shared,
        MaxConnections = r.MaxConnections,
        MaxMessagesPerConnection = r.MaxMessagesPerConnection,
        MessagesPerHour = r.MessagesPerHour,
        ConnectionTimeout = Duration.Format(r.ConnectionTimeout),
        DataTimeout = Duration.Format(r.DataTimeout),
        Timeout = Duration.Format(r.Timeout),
        Tls = r.Tls.ToString(),
        Enabled = r.Enabled,
        Source = r.Source.ToString(),
        Comment = r.Comment,
    };

    [GeneratedRegex(@"^\$\.rules\[(\d+)\]\.?(\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex RuleIndexInPath();
}
