using System.Globalization;

namespace MxPortal.Domain.MxRules;

/// <summary>
/// The "range of identifiers" of a rule: which sending identities (by public id) it applies to. Written
/// <c>n</c>, <c>n1-n2</c> or a comma-separated list of both (<c>1,4-6</c>); empty means every identity.
/// </summary>
public sealed class IdentifierRange
{
    private readonly (int From, int To)[] _parts;

    private IdentifierRange((int, int)[] parts) => _parts = parts;

    public static IdentifierRange All { get; } = new([]);

    public bool IsAll => _parts.Length == 0;

    public bool Contains(int publicId)
    {
        if (IsAll) return true;
        foreach (var (from, to) in _parts)
            if (publicId >= from && publicId <= to) return true;
        return false;
    }

    /// <summary>Parses the written form; <paramref name="error"/> says what is wrong when it returns false.</summary>
    public static bool TryParse(string? text, out IdentifierRange range, out string? error)
    {
        range = All;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var parts = new List<(int, int)>();
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            var dash = item.IndexOf('-');
            var fromText = dash < 0 ? item : item[..dash];
            var toText = dash < 0 ? item : item[(dash + 1)..];
            if (!TryId(fromText, out var from) || !TryId(toText, out var to))
            {
                error = $"'{item}' is not a public id or an 'n1-n2' range of non-negative whole numbers";
                return false;
            }
            if (from > to)
            {
                error = $"'{item}' starts after it ends (n1 must be <= n2)";
                return false;
            }
            parts.Add((from, to));
        }
        range = new IdentifierRange([.. parts]);
        return true;
    }

    private static bool TryId(string text, out int id) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id);

    public override string ToString() =>
        string.Join(',', _parts.Select(p => p.From == p.To ? $"{p.From}" : $"{p.From}-{p.To}"));
}
