using System.Diagnostics.CodeAnalysis;

namespace MxPortal.Domain.Sending;

/// <summary>
/// A recipient or sender address checked the practical way (RFC 5321 lengths, a dot-atom or quoted local part,
/// a domain of valid labels with at least one dot; no DNS). Trimmed, domain lower-cased; the local part is kept
/// as given because some servers honour its case, but two addresses are equal when they differ only by case.
/// </summary>
public sealed class EmailAddress : IEquatable<EmailAddress>
{
    // Note: RFC 5321 §4.5.3.1: 64 for the local part, 255 for the domain, 256 for the path including "<>",
    // which leaves 254 for the address; a domain of 253 is the longest DNS can carry.
    private const int MaxLocalLength = 64;
    private const int MaxDomainLength = 253;
    private const int MaxLength = 254;
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    private EmailAddress(string local, string domain)
    {
        LocalPart = local;
        Domain = domain;
        Value = local + "@" + domain;
    }

    public string LocalPart { get; }

    /// <summary>
    /// Lower-cased, international domains in their ASCII form (xn--…): what DNS resolves, what any server accepts
    /// without SMTPUTF8, and what bounce reports will quote back.
    /// </summary>
    public string Domain { get; }

    public string Value { get; }

    /// <summary>
    /// The whole address lower-cased: the key for unique indexes (PostgreSQL compares text case-sensitively) and for
    /// quarantine lookups, where it equals <c>QuarantineAddress.Normalize(Value)</c>. Mail is sent to <see cref="Value"/>.
    /// </summary>
    public string Key => Value.ToLowerInvariant();

    /// <summary>Parses user input; on failure <paramref name="error"/> says why in a sentence a person can act on.</summary>
    public static bool TryParse(string? raw, [NotNullWhen(true)] out EmailAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        var text = (raw ?? "").Trim();
        error = Check(text);
        if (error is not null) return false;

        // Note: the last '@' separates the domain, as a quoted local part may itself contain '@'.
        var at = text.LastIndexOf('@');
        var domain = text[(at + 1)..];
        address = new EmailAddress(text[..at], AsciiDomain.Convert(domain).ToLowerInvariant());
        return true;
    }

    /// <exception cref="DomainException">The text is not an address; user input goes through <see cref="TryParse"/>.</exception>
    public static EmailAddress Parse(string raw) =>
        TryParse(raw, out var address, out var error) ? address : throw new DomainException($"'{raw}' is not an email address: {error}");

    private static string? Check(string text)
    {
        if (text.Length == 0) return "the address is empty.";
        // Note: U+FFFD is what a decoder leaves for bytes that are not UTF-8; such an address cannot be right.
        if (text.Contains('\uFFFD')) return "the address contains bytes that are not valid UTF-8.";
        var at = text.LastIndexOf('@');
        if (at < 0) return "the address has no '@'.";
        if (text.Length > MaxLength) return $"the address is longer than {MaxLength} characters.";
        return CheckLocal(text[..at]) ?? CheckDomain(text[(at + 1)..]);
    }

    private static string? CheckLocal(string local)
    {
        if (local.Length == 0) return "nothing comes before the '@'.";
        if (local.Length > MaxLocalLength) return $"the part before the '@' is longer than {MaxLocalLength} characters.";
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"') return CheckQuoted(local[1..^1]);
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
            return "the part before the '@' starts or ends with a dot, or has two dots in a row.";
        foreach (var c in local)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '.' || AtomSpecials.Contains(c) || c > 127 && !char.IsWhiteSpace(c) && !char.IsControl(c)))
                return $"the part before the '@' contains '{c}', which needs quoting.";
        return null;
    }

    private static string? CheckQuoted(string inner)
    {
        for (var i = 0; i < inner.Length; i++)
        {
            if (char.IsControl(inner[i])) return "the quoted part before the '@' contains a control character.";
            if (inner[i] == '"') return "the quoted part before the '@' contains an unescaped '\"'.";
            if (inner[i] == '\\' && ++i == inner.Length) return "the quoted part before the '@' ends with a lone '\\'.";
        }
        return null;
    }

    private static string? CheckDomain(string domain)
    {
        if (domain.Length == 0) return "nothing comes after the '@'.";
        if (domain[0] == '[') return "address literals ([1.2.3.4]) are not accepted; use a domain.";
        string ascii;
        try
        {
            ascii = AsciiDomain.Convert(domain);
        }
        catch (ArgumentException)
        {
            return $"the domain '{domain}' is not a valid international domain name.";
        }
        if (ascii.Length > MaxDomainLength) return $"the domain is longer than {MaxDomainLength} characters.";
        var labels = ascii.Split('.');
        if (labels.Length < 2) return $"the domain '{domain}' has no dot.";
        foreach (var label in labels)
        {
            if (label.Length == 0) return $"the domain '{domain}' has an empty label (a dot at the start, at the end or twice).";
            if (label.Length > 63) return $"the domain '{domain}' has a label longer than 63 characters.";
            if (label[0] == '-' || label[^1] == '-') return $"the domain '{domain}' has a label that starts or ends with '-'.";
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return $"the domain '{domain}' contains a character not allowed in a host name.";
        }
        return labels[^1].All(char.IsAsciiDigit) ? $"the domain '{domain}' ends with a number, not a top-level domain." : null;
    }

    public bool Equals(EmailAddress? other) =>
        other is not null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as EmailAddress);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    public override string ToString() => Value;
}
