using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Sync;

/// <summary>
/// One entry of the global suppression list: an address or a domain nobody may send to. Values are stored
/// normalized (trimmed, lower case, no trailing dot) so lookups are exact.
/// </summary>
public sealed record SuppressionEntry(string Value, SuppressionKind Kind, RuleSource Source = RuleSource.Local, string Comment = "")
{
    public const int MaxAddressLength = 320;
    public const int MaxDomainLength = 253;

    /// <summary>Reads an address (with <c>@</c>) or a domain; null with a reason when it is neither.</summary>
    public static SuppressionEntry? TryParse(string? text, out string? error, RuleSource source = RuleSource.Local, string comment = "")
    {
        var value = AsciiDomain.Of((text ?? "").Trim().TrimEnd('.').ToLowerInvariant());
        error = null;
        if (value.Length == 0) error = "the value is empty";
        else if (value.Contains('@'))
        {
            var at = value.LastIndexOf('@');
            if (value.Length > MaxAddressLength) error = $"an address is at most {MaxAddressLength} characters";
            else if (at == 0 || value.IndexOf('@') != at || value.Any(char.IsWhiteSpace)) error = $"'{text}' is not an address";
            else if (DomainError(value[(at + 1)..]) is { } e) error = e;
            else return new SuppressionEntry(value, SuppressionKind.Address, source, comment);
        }
        else if (DomainError(value) is { } e) error = e;
        else return new SuppressionEntry(value, SuppressionKind.Domain, source, comment);
        return null;
    }

    private static string? DomainError(string domain)
    {
        if (domain.Length is 0 or > MaxDomainLength) return $"a domain has 1 to {MaxDomainLength} characters";
        foreach (var label in domain.Split('.'))
        {
            if (label.Length is 0 or > 63) return $"'{domain}' has an empty or too long label";
            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') || label[0] == '-' || label[^1] == '-')
                return $"'{domain}' is not a domain name";
        }
        return null;
    }
}
