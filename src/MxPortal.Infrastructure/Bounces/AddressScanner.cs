namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// Finds e-mail addresses in text by growing outwards from each '@': one pass over the text,
/// where a regex would rescan long runs of letters (base64, URLs) from every start position.
/// </summary>
internal static class AddressScanner
{
    private const string LocalSpecials = ".!#$%&'*+/=?^_`{|}~-";

    public static IEnumerable<string> Scan(string text)
    {
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && IsLocal(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && IsDomain(text[end]))
            {
                end++;
            }

            // A domain ends on a letter or digit; trailing dots and hyphens are punctuation.
            while (end > at + 1 && !char.IsAsciiLetterOrDigit(text[end - 1]))
            {
                end--;
            }

            var domain = text.AsSpan(at + 1, end - at - 1);
            if (start < at && domain.Contains('.') && char.IsAsciiLetterOrDigit(domain[0]))
            {
                yield return text[start..end];
            }
        }
    }

    public static string? First(string text) => Scan(text).FirstOrDefault();

    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || LocalSpecials.Contains(c, StringComparison.Ordinal);

    private static bool IsDomain(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';
}
