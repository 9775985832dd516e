using MimeKit;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// Reads a bounce mail into a <see cref="BounceReport"/>: an RFC 5965 feedback report, an
/// auto-reply, an RFC 3464 delivery status report, else a non-standard bounce by its text.
/// Stateless and thread-safe. Never throws on bad input: the failure is a value with a reason.
/// </summary>
public sealed class BounceMailParser
{
    public BounceParseResult Parse(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        MimeMessage message;
        try
        {
            // Note: a mail saved from an mbox starts with a "From " separator line, which the
            // plain parser would read as a broken header block.
            var input = stream.CanSeek ? stream : Buffer(stream);
            var format = StartsWithMboxSeparator(input) ? MimeFormat.Mbox : MimeFormat.Default;
            // Note: persistent parsing keeps part contents as slices of the input instead of
            // copies; safe because the message never outlives this call (the report holds strings).
            message = new MimeParser(input, format, persistent: true).ParseMessage();
        }
        catch (Exception ex) when (ex is FormatException or ParseException or IOException or ArgumentException)
        {
            return BounceParseResult.Failure($"not a MIME message: {ex.Message}");
        }

        return Parse(message);
    }

    /// <summary>
    /// One SMTP reply or diagnostic line as a bounced recipient, with the stage and status the
    /// text names ("after end of data", "in reply to RCPT TO", 5.1.1), so that a line is
    /// qualified the same way as the same text inside a bounce mail.
    /// </summary>
    public static BouncedRecipient FromReply(string reply, string address = "")
    {
        ArgumentNullException.ThrowIfNull(reply);
        var status = EnhancedStatusCode.TryFind(reply, out var code) ? code.ToString() : null;
        return new BouncedRecipient(address, null, status, reply, SmtpCommand: SmtpStageReader.Find(reply));
    }

    private static MemoryStream Buffer(Stream stream)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return buffer;
    }

    private static bool StartsWithMboxSeparator(Stream stream)
    {
        Span<byte> head = stackalloc byte[5];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return read == 5 && head.SequenceEqual("From "u8);
    }

    public BounceParseResult Parse(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return Read(message);
        }
        catch (Exception ex) when (ex is FormatException or ParseException or ArgumentException or InvalidOperationException or NotSupportedException or IOException)
        {
            // Note: MimeKit decodes lazily; a broken charset or encoding deep in a part
            // surfaces here and must not crash the mailbox poller.
            return BounceParseResult.Failure($"unreadable bounce: {ex.Message}");
        }
    }

    private static BounceParseResult Read(MimeMessage message)
    {
        if (message.Headers.Count == 0)
        {
            return BounceParseResult.Failure("no mail headers");
        }

        var fullText = MailText.FullText(message);
        var notification = MailText.NotificationText(fullText);
        var (kind, recipients) = Recipients(message, fullText, notification);
        if (recipients.Count == 0)
        {
            return BounceParseResult.Failure("no delivery report, feedback report or bounce text with a recipient found");
        }

        var (mxPortalId, messageId) = CorrelationReader.Original(message, fullText);
        return BounceParseResult.Success(new BounceReport(kind, recipients, CorrelationReader.VerpToken(message), mxPortalId, messageId));
    }

    private static (BounceReportKind, List<BouncedRecipient>) Recipients(MimeMessage message, string fullText, string notification)
    {
        if (AmazonSesNotificationReader.Read(fullText) is { } ses)
        {
            return ses;
        }

        if (FeedbackReportReader.Read(message, notification) is { } complaint)
        {
            return (BounceReportKind.Feedback, [complaint]);
        }

        if (AutoReplyDetector.IsAutoReply(message))
        {
            var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
            return (BounceReportKind.AutoReply, [new BouncedRecipient(from, null, null, MailText.Collapse(notification))]);
        }

        var dsn = DeliveryStatusReader.Read(message, fullText, notification);
        return dsn.Count > 0
            ? (BounceReportKind.DeliveryStatus, dsn)
            : (BounceReportKind.PlainText, PlainTextBounceReader.Read(message, notification));
    }
}
