using System.Text.RegularExpressions;
using MimeKit;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>Reads an RFC 5965 ARF feedback report: who complained and of what type.</summary>
internal static partial class FeedbackReportReader
{
    public static BouncedRecipient? Read(MimeMessage message, string notification)
    {
        var report = message.BodyParts.OfType<MimePart>()
            .FirstOrDefault(p => p.ContentType.MediaSubtype.Equals("feedback-report", StringComparison.OrdinalIgnoreCase));
        var fields = report is null ? FeedbackFields(notification) : ReadContent(report);
        if (fields is null)
        {
            return NonStandard(message, notification);
        }

        var feedbackType = Field(fields, "Feedback-Type") ?? "abuse";
        var address = MailText.CleanAddress(Field(fields, "Original-Rcpt-To"))
            ?? MailText.CleanAddress(Field(fields, "Removal-Recipient"))
            ?? MailText.CleanAddress(ReturnedMessage.Headers(message)?["To"]);
        var firstLine = MailText.Collapse(notification.Split('\n').FirstOrDefault(l => l.Trim().Length > 0));
        return new BouncedRecipient(
            address ?? "",
            Action: null,
            Status: null,
            DiagnosticCode: firstLine,
            FeedbackType: feedbackType.Trim().ToLowerInvariant());
    }

    /// <summary>
    /// Complaints without an ARF part: a provider's "complaint about message" mail with the
    /// returned message (Hotmail's JMRP names the recipient in X-HmXmrOriginalRecipient), and a
    /// List-Unsubscribe mailto request ("unsubscribe" to the opt-out address), an opt-out.
    /// </summary>
    private static BouncedRecipient? NonStandard(MimeMessage message, string notification)
    {
        var subject = (message.Subject ?? "").Trim();
        var returned = ReturnedMessage.Headers(message);
        if (returned is not null && ComplaintSubject().IsMatch(subject))
        {
            var address = MailText.CleanAddress(returned["X-HmXmrOriginalRecipient"]) ?? MailText.CleanAddress(returned["To"]);
            return new BouncedRecipient(address ?? "", null, null, MailText.Collapse(notification), FeedbackType: "abuse");
        }

        if (subject.Equals("unsubscribe", StringComparison.OrdinalIgnoreCase) && message.From.Mailboxes.FirstOrDefault() is { } from)
        {
            return new BouncedRecipient(from.Address, null, null, subject, FeedbackType: "opt-out");
        }

        return null;
    }

    private static string? ReadContent(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content?.DecodeTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    // Note: some providers send the report fields inline in a text part instead of a
    // message/feedback-report part; the Feedback-Type field is the tell.
    private static string? FeedbackFields(string text) =>
        FeedbackType().IsMatch(text) ? text : null;

    private static string? Field(string fields, string name)
    {
        var match = Regex.Match(fields, "^" + Regex.Escape(name) + @":[ \t]*(.+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"^(complaint about message|abuse report|spam report|feedback report)", RegexOptions.IgnoreCase)]
    private static partial Regex ComplaintSubject();

    [GeneratedRegex(@"^Feedback-Type:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex FeedbackType();
}
