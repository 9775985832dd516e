using System.Text.RegularExpressions;
using MimeKit;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>Text helpers shared by the bounce readers.</summary>
internal static partial class MailText
{
    // Diagnostics longer than this are boilerplate or a returned message, not an error text.
    private const int MaxText = 4000;

    /// <summary>The human-readable text of a bounce: top-level text parts, not the returned message.</summary>
    public static string NotificationText(string fullText)
    {
        var marker = TextLines.ReturnedMessageStart(fullText);
        return marker >= 0 ? fullText[..marker] : fullText;
    }

    /// <summary>
    /// The top-level text of a mail. When a multipart's boundary never occurs (broken MTAs do
    /// that), MimeKit sees no parts and the whole body is the preamble: that text is used then.
    /// </summary>
    public static string FullText(MimeMessage message)
    {
        var text = new System.Text.StringBuilder();
        AppendText(message.Body, text);
        return text.ToString();
    }

    private static void AppendText(MimeEntity? entity, System.Text.StringBuilder text)
    {
        switch (entity)
        {
            case Multipart { Count: 0 } broken:
                text.Append(broken.Preamble).Append('\n').Append(broken.Epilogue).Append('\n');
                break;
            case MultipartAlternative alternative:
                // One rendering is enough: the plain one when there is one.
                AppendText(alternative.OfType<TextPart>().FirstOrDefault(t => !t.IsHtml) ?? alternative.LastOrDefault(), text);
                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    AppendText(child, text);
                }

                break;
            case TextPart { IsAttachment: false } part when !IsReportPart(part):
                text.Append(part.IsHtml ? StripHtml(part.Text) : part.Text).Append('\n');
                break;
        }
    }

    public static string Collapse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Note: one pass that stops at MaxText; bounce texts can be long HTML renderings.
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, MaxText));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length >= MaxText)
            {
                break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The value of a DSN field without its type prefix ("rfc822; a@b" → "a@b").</summary>
    public static string? StripType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        var stripped = semicolon >= 0 && semicolon < 12 ? value[(semicolon + 1)..] : value;
        return Collapse(stripped);
    }

    public static string? CleanAddress(string? value)
    {
        var stripped = StripType(value);
        if (stripped is null)
        {
            return null;
        }

        return AddressScanner.First(stripped);
    }

    public static IEnumerable<string> Addresses(string text) => AddressScanner.Scan(text);

    private static bool IsReportPart(TextPart part) =>
        part.ContentType.MediaSubtype.Contains("delivery-status", StringComparison.OrdinalIgnoreCase)
        || part.ContentType.MediaSubtype.Contains("feedback-report", StringComparison.OrdinalIgnoreCase)
        || part.ContentType.MediaSubtype.Contains("rfc822", StringComparison.OrdinalIgnoreCase);

    private static string StripHtml(string html) =>
        System.Net.WebUtility.HtmlDecode(HtmlTag().Replace(HtmlDrop().Replace(html, " "), " "));

    [GeneratedRegex(@"<(style|script|head)\b.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HtmlDrop();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex HtmlTag();
}
