using System.Text.Json;
using System.Text.Json.Serialization;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// Reads and writes the bounce rules JSON file described in docs/bounce-rules-json.md. Reading
/// validates the whole file and compiles it; every problem is returned, nothing is half-applied.
/// </summary>
public static class BounceRulesJson
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // Note: patterns are full of quotes and backslashes; relaxed escaping keeps them readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Export(IEnumerable<BounceRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var file = new RulesFile
        {
            Version = FormatVersion,
            Rules = rules.Select(r => new RuleEntry
            {
                Name = r.Name,
                Pattern = r.Pattern,
                Type = r.Type.ToString(),
                Reason = r.Reason.ToDisplayName(),
                Source = r.Source.ToString(),
                Enabled = r.Enabled,
                Comment = r.Comment,
            }).ToList(),
        };
        return JsonSerializer.Serialize(file, Options);
    }

    public static BounceRuleSetCompilation Import(string json)
    {
        RulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RulesFile>(json, Options);
        }
        catch (JsonException ex)
        {
            return new BounceRuleSetCompilation(null, [$"not a bounce rules file: {ex.Message}"]);
        }

        if (file?.Rules is null)
        {
            return new BounceRuleSetCompilation(null, ["not a bounce rules file: no \"rules\" array"]);
        }

        if (file.Version != FormatVersion)
        {
            return new BounceRuleSetCompilation(null, [$"unsupported version {file.Version}; expected {FormatVersion}"]);
        }

        var errors = new List<string>();
        var rules = file.Rules.Select((entry, i) => ToRule(entry, i, errors)).ToList();
        var compilation = BounceRuleSet.Compile(rules);
        errors.AddRange(compilation.Errors);
        return errors.Count == 0 ? compilation : new BounceRuleSetCompilation(null, errors);
    }

    private static BounceRule ToRule(RuleEntry entry, int index, List<string> errors)
    {
        var label = string.IsNullOrWhiteSpace(entry.Name) ? $"rule #{index + 1}" : $"rule '{entry.Name}'";
        if (!Enum.TryParse<FailureType>(entry.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type))
        {
            errors.Add($"{label}: unknown type '{entry.Type}' (Hard, Soft or Ignored)");
        }

        if (!FailureReasonNames.TryParse(entry.Reason, out var reason))
        {
            errors.Add($"{label}: unknown reason '{entry.Reason}'");
        }

        var source = BounceRuleSource.Local;
        if (entry.Source is not null && !Enum.TryParse(entry.Source, ignoreCase: true, out source))
        {
            errors.Add($"{label}: unknown source '{entry.Source}' (Local or Synced)");
        }

        return new BounceRule
        {
            Name = entry.Name ?? "",
            Pattern = entry.Pattern ?? "",
            Type = type,
            Reason = reason,
            Source = source,
            Enabled = entry.Enabled ?? true,
            Comment = entry.Comment,
        };
    }

    private sealed class RulesFile
    {
        public int Version { get; set; }

        public List<RuleEntry>? Rules { get; set; }
    }

    private sealed class RuleEntry
    {
        public string? Name { get; set; }

        public string? Pattern { get; set; }

        public string? Type { get; set; }

        public string? Reason { get; set; }

        public string? Source { get; set; }

        public bool? Enabled { get; set; }

        public string? Comment { get; set; }
    }
}
