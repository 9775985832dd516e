namespace MxPortal.Domain.Bounces;

/// <summary>Finds the basic SMTP reply code (RFC 5321 §4.2) in an error text.</summary>
public static class SmtpReplyCode
{
    /// <summary>RFC 7504: the domain accepts no mail (its MX is a null MX).</summary>
    public const int DomainDoesNotAcceptMail = 556;

    /// <summary>
    /// The first three-digit code 2xx, 4xx or 5xx standing alone (not part of a longer number, an
    /// IP address or a status code), e.g. 550 in "host x said: 550 5.1.1 ...". 0 when there is none.
    /// </summary>
    public static int Find(ReadOnlySpan<char> text)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            var c = text[i];
            if ((c != '2' && c != '4' && c != '5') || !char.IsAsciiDigit(text[i + 1]) || !char.IsAsciiDigit(text[i + 2]))
            {
                continue;
            }

            if (i > 0 && !IsBefore(text[i - 1]))
            {
                continue;
            }

            var end = i + 3;
            if (end < text.Length && !IsAfter(text[end]))
            {
                continue;
            }

            return ((c - '0') * 100) + ((text[i + 1] - '0') * 10) + (text[i + 2] - '0');
        }

        return 0;
    }

    // Note: '.' is no separator so that IP addresses and status codes are skipped; '-' after a
    // code marks a multi-line reply ("550-5.1.1 ...").
    private static bool IsBefore(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '\'' or '"' or '(' or '[' or ',' or ';' or '=' or ':' or '#';

    private static bool IsAfter(char c) => char.IsWhiteSpace(c) || c is '-' or ':' or ')' or ']' or '\'' or '"' or '>' or ',' or ';';
}
