using System.Text.RegularExpressions;
using MimeKit;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// Finds what ties a bounce to the original delivery: the VERP token of the return path it was
/// sent to (<c>bounce+TOKEN@domain</c> or <c>bounces+TOKEN@domain</c>, read from Delivered-To,
/// X-Original-To, Envelope-To or To), and the X-MxPortal-Id and Message-ID of the returned message.
/// </summary>
internal static partial class CorrelationReader
{
    public const string IdHeader = "X-MxPortal-Id";

    public static string? VerpToken(MimeMessage message)
    {
        foreach (var name in (string[])["Delivered-To", "X-Original-To", "Envelope-To", "To"])
        {
            foreach (var header in message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                var match = Verp().Match(header.Value);
                if (match.Success)
                {
                    return match.Groups["token"].Value;
                }
            }
        }

        return null;
    }

    public static (string? MxPortalId, string? MessageId) Original(MimeMessage message, string fullText)
    {
        var headers = ReturnedMessage.Headers(message);
        var id = headers?[IdHeader]?.Trim() ?? InlineHeader(fullText, IdHeader);
        var messageId = headers?["Message-ID"] is { } raw ? raw.Trim().Trim('<', '>') : InlineHeader(fullText, "Message-ID")?.Trim('<', '>');
        return (id, messageId);
    }

    // Plain-text bounces quote the returned headers in the body.
    private static string? InlineHeader(string text, string name)
    {
        var match = Regex.Match(text, "^" + Regex.Escape(name) + @":[ \t]*(\S+)", RegexOptions.IgnoreCase | RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"\bbounces?\+(?<token>[A-Za-z0-9._=-]+)@", RegexOptions.IgnoreCase)]
    private static partial Regex Verp();
}
