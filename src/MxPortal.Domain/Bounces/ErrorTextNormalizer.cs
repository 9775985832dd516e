using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MxPortal.Domain.Bounces;

/// <summary>
/// Normalizes an error text for the qualification table (DOMAIN.md §6): addresses become <c>*</c>,
/// variable parts (IPs, numbers, ids, hosts with digits) become <c>#xxx#</c>, whitespace collapses,
/// so the same error from many recipients and servers lands on one row. The reply and status
/// codes are kept: they carry meaning.
/// </summary>
public static partial class ErrorTextNormalizer
{
    public const string Variable = "#xxx#";

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = Address().Replace(text, "*");
        s = Whitespace().Replace(s, " ").Trim();
        return VariableToken().Replace(s, m =>
        {
            // A sentence-ending dot is not part of the token.
            var token = m.Value.TrimEnd('.');
            return (IsCode(token) ? token : Variable) + m.Value[token.Length..];
        });
    }

    /// <summary>The MD5 of the normalized text, lower-case hex: the key of a qualification row.</summary>
    public static string Md5(string normalizedText)
    {
        ArgumentNullException.ThrowIfNull(normalizedText);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(normalizedText)));
    }

    // A bare reply code (550) or enhanced status code (5.1.1) is kept; any other token with a digit varies.
    private static bool IsCode(string token) =>
        (token.Length == 3 && token[0] is '2' or '4' or '5' && token.All(char.IsAsciiDigit))
        || EnhancedStatusCode.TryParse(token, out _);

    [GeneratedRegex(@"<?[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*>?", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Tokens of letters, digits and . _ - / = that contain at least one digit.
    [GeneratedRegex(@"[A-Za-z0-9._/=-]*[0-9][A-Za-z0-9._/=-]*", RegexOptions.CultureInvariant)]
    private static partial Regex VariableToken();
}
