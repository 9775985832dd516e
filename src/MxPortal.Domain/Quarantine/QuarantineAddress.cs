using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Quarantine;

/// <summary>
/// The one place where an address becomes a quarantine key. DOMAIN.md §7 compares addresses
/// case-insensitively; the key is stored lower-cased so that a plain unique index finds it on every
/// provider (PostgreSQL compares text case-sensitively, SQLite's NOCASE folds ASCII only).
/// </summary>
public static class QuarantineAddress
{
    /// <summary>Trims and lower-cases (invariant) an address, its domain in ASCII as recipients' keys have it; false when it is not <c>local@domain</c>.</summary>
    public static bool TryNormalize(string? raw, out string address)
    {
        address = AsciiDomain.Of((raw ?? "").Trim().ToLowerInvariant());

        // Note: the last '@' separates the domain, as a quoted local part may itself contain '@'.
        var at = address.LastIndexOf('@');
        var valid = at > 0 && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
        if (!valid)
        {
            address = "";
        }

        return valid;
    }

    /// <exception cref="DomainException">The text is not an address; user input is checked with <see cref="TryNormalize"/> first.</exception>
    public static string Normalize(string raw) =>
        TryNormalize(raw, out var address) ? address : throw new DomainException($"'{raw}' is not an email address.");

    /// <summary>The domain part of a normalized address, for the per-domain filters and dashboards.</summary>
    public static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    public static bool AreSame(string? a, string? b) =>
        TryNormalize(a, out var x) && TryNormalize(b, out var y) && string.Equals(x, y, StringComparison.Ordinal);
}
