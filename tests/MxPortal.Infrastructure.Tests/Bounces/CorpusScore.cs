using System.Text.Json;

namespace MxPortal.Infrastructure.Tests.Bounces;

/// <summary>
/// The scoring rules of tests/data/bounces/score.py, ported: predictions are looked up by id,
/// then file + index, then file + recipient; values compare case-insensitively with whitespace
/// collapsed and the aliases "unknown user" and "account disabled"; a missing prediction is wrong.
/// </summary>
internal static class CorpusScore
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["unknown user"] = "user unknown",
        ["account disabled"] = "inactive user",
    };

    public sealed record Prediction(string? Id, string? File, int? Index, string? Recipient, string Type, string Reason);

    public static (double Reason, double Type) Accuracy(IReadOnlyList<JsonElement> expected, IReadOnlyList<Prediction> predictions)
    {
        var byId = new Dictionary<string, Prediction>();
        var byFileIndex = new Dictionary<(string, int), Prediction>();
        var byFileRecipient = new Dictionary<(string, string), Prediction>();
        foreach (var p in predictions)
        {
            if (p.Id is not null)
            {
                byId[p.Id] = p;
            }

            if (p.File is not null && p.Index is { } index)
            {
                byFileIndex[(p.File, index)] = p;
            }

            if (p.File is not null && p.Recipient is not null)
            {
                byFileRecipient[(p.File, p.Recipient.ToLowerInvariant())] = p;
            }
        }

        int okType = 0, okReason = 0;
        foreach (var e in expected)
        {
            var p = Lookup(e, byId, byFileIndex, byFileRecipient);
            okType += Norm(Str(e, "expected_type")) == Norm(p?.Type) ? 1 : 0;
            okReason += Norm(Str(e, "expected_reason")) == Norm(p?.Reason) ? 1 : 0;
        }

        return ((double)okReason / expected.Count, (double)okType / expected.Count);
    }

    private static Prediction? Lookup(
        JsonElement e,
        Dictionary<string, Prediction> byId,
        Dictionary<(string, int), Prediction> byFileIndex,
        Dictionary<(string, string), Prediction> byFileRecipient)
    {
        if (Str(e, "id") is { } id && byId.TryGetValue(id, out var p))
        {
            return p;
        }

        var file = Str(e, "file");
        if (file is not null && e.TryGetProperty("index", out var index) && byFileIndex.TryGetValue((file, index.GetInt32()), out p))
        {
            return p;
        }

        return file is not null && Str(e, "recipient") is { } rcpt && byFileRecipient.TryGetValue((file, rcpt.ToLowerInvariant()), out p)
            ? p
            : null;
    }

    private static string Norm(string? value)
    {
        var v = string.Join(' ', (value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return v.Length == 0 ? "<missing>" : Aliases.GetValueOrDefault(v, v);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
