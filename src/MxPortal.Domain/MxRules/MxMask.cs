namespace MxPortal.Domain.MxRules;

/// <summary>
/// A compiled host-name mask: <c>*</c> matches any run of characters (dots included, so <c>*.google.com</c>
/// covers <c>alt1.aspmx.l.google.com</c>), <c>?</c> exactly one. Case-insensitive; a trailing dot on the
/// host (as DNS writes it) is ignored. Used for MX masks and for sending identities' domain masks.
/// </summary>
/// <remarks>
/// Matching runs for every message, so it is a hand-written glob walk over spans: no allocation, linear in
/// practice (one backtrack point, the last <c>*</c>), and no regex engine to warm up.
/// </remarks>
public sealed class MxMask
{
    private const int MaxLength = 253;
    private readonly string _pattern;

    private MxMask(string pattern) => _pattern = pattern;

    /// <summary>The mask as written, lower-cased and without a trailing dot.</summary>
    public string Pattern => _pattern;

    public bool IsGeneric => _pattern == "*";

    /// <summary>Null when the mask is valid; else a sentence saying what is wrong.</summary>
    public static string? Validate(string? mask)
    {
        if (string.IsNullOrWhiteSpace(mask)) return "the mask is empty";
        var m = Normalize(mask);
        if (m.Length == 0) return "the mask is empty";
        if (m.Length > MaxLength) return $"the mask is longer than {MaxLength} characters";
        foreach (var c in m)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '*' or '?'))
                return $"'{c}' is not allowed (letters, digits, '-', '_', '.', '*' and '?' only)";
        if (m.StartsWith('.') || m.Contains("..", StringComparison.Ordinal))
            return "the mask has an empty label ('..' or a leading '.')";
        return null;
    }

    /// <exception cref="DomainException">The mask is invalid; call <see cref="Validate"/> first.</exception>
    public static MxMask Compile(string mask)
    {
        var error = Validate(mask);
        if (error is not null) throw new DomainException($"Invalid mask '{mask}': {error}.");
        return new MxMask(Normalize(mask));
    }

    /// <summary>Lower-case, trimmed, without the trailing root dot: the form masks are compared in.</summary>
    public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();

    public bool IsMatch(string host)
    {
        var h = host.AsSpan().Trim();
        if (h.Length > 0 && h[^1] == '.') h = h[..^1];
        return IsGeneric || Glob(_pattern, h);
    }

    private static bool Glob(ReadOnlySpan<char> p, ReadOnlySpan<char> s)
    {
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && (p[pi] == '?' || p[pi] == char.ToLowerInvariant(s[si])))
            {
                pi++;
                si++;
            }
            else if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
    }

    public override string ToString() => _pattern;
}
