using System.Text.RegularExpressions;
using MimeKit;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// Reads a non-standard bounce (qmail, old sendmail, Exchange, Domino, provider-specific texts)
/// from its text: the recipients named in the notification, each with the text about it.
/// </summary>
internal static partial class PlainTextBounceReader
{
    public static List<BouncedRecipient> Read(MimeMessage message, string notification)
    {
        if (!IsBounce(message, notification))
        {
            return [];
        }

        var addresses = Recipients(message, notification);
        var recipients = new List<BouncedRecipient>(addresses.Count);
        foreach (var address in addresses)
        {
            var section = RecipientSection.For(notification, address, addresses);
            var errorLines = addresses.Count > 1 ? AddressLines(notification, address) : "";
            errorLines = errorLines.Length > 0 ? errorLines : ErrorLines(section);
            recipients.Add(new BouncedRecipient(
                address,
                Action: null,
                Status: EnhancedStatusCode.TryFind(errorLines, out var status) ? status.ToString() : null,
                DiagnosticCode: errorLines.Length > 0 ? errorLines : MailText.Collapse(section),
                Detail: MailText.Collapse(section),
                SmtpCommand: SmtpStageReader.Find(section)));
        }

        return recipients;
    }

    /// <summary>
    /// The sentences of a section that carry an SMTP error code (4xx/5xx or x.y.z): the server's
    /// own words, which say more than the bouncing MTA's boilerplate around them.
    /// </summary>
    private static string ErrorLines(string section)
    {
        var lines = section.Split('\n');
        var picked = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsErrorLine(lines[i]))
            {
                continue;
            }

            // Note: indented lines below continue it (postfix and exim wrap long replies).
            var line = lines[i].Trim();
            while (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1][0] is ' ' or '\t' && lines[i + 1].Trim().Length > 0)
            {
                line += " " + lines[++i].Trim();
            }

            picked.Add(line);
        }

        // Note: lines are kept apart so that a rule cannot match across two of them.
        return MailText.Collapse(string.Join(" | ", picked));
    }

    private static bool IsErrorLine(string line) =>
        SmtpReplyCode.Find(line) >= 400 || (EnhancedStatusCode.TryFind(line, out var status) && status.Class >= 4);

    /// <summary>
    /// With several recipients: the error lines naming this one (sendmail's summary lines),
    /// each with the server reply ("&lt;&lt;&lt; 501 ...") right above it in a transcript.
    /// </summary>
    private static string AddressLines(string notification, string address)
    {
        var lines = notification.Split('\n');
        var picked = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains(address, StringComparison.OrdinalIgnoreCase) || !IsErrorLine(lines[i]))
            {
                continue;
            }

            if (i > 0 && lines[i - 1].TrimStart().StartsWith("<<<", StringComparison.Ordinal))
            {
                picked.Add(lines[i - 1].Trim());
            }

            picked.Add(lines[i].Trim());
        }

        return MailText.Collapse(string.Join(" | ", picked.Distinct()));
    }

    private static bool IsBounce(MimeMessage message, string notification) =>
        AutoReplyDetector.LooksLikeDaemon(message)
        || BounceSubject().IsMatch(message.Subject ?? "")
        || BounceText().IsMatch(notification);

    private static List<string> Recipients(MimeMessage message, string notification)
    {
        var failed = message.Headers["X-Failed-Recipients"];
        if (!string.IsNullOrWhiteSpace(failed))
        {
            return Distinct(MailText.Addresses(failed));
        }

        var senders = message.From.Mailboxes.Concat(message.To.Mailboxes).Concat(message.ReplyTo.Mailboxes)
            .Select(m => m.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // Note: a mailing list's own addresses (List-Subscribe, List-Post, ...) are where to
        // send commands, which its notices repeat in their text; they are never a recipient.
        foreach (var header in message.Headers.Where(h => h.Field.StartsWith("List-", StringComparison.OrdinalIgnoreCase)))
        {
            senders.UnionWith(MailText.Addresses(header.Value));
        }
        if (ReturnedMessage.Headers(message)?["From"] is { } originalFrom && MailText.CleanAddress(originalFrom) is { } from)
        {
            senders.Add(from);
        }

        var notRecipients = TextLines.NotRecipientAddresses(notification);
        var candidates = Distinct(MailText.Addresses(notification)
            .Where(a => !notRecipients.Contains(a) && !NotARecipient().IsMatch(a)));

        // Note: someone who mails themselves gets a bounce naming their own address, so the
        // bounce's own headers only break ties.
        var found = candidates.Where(a => !senders.Contains(a)).ToList();
        found = found.Count > 0 ? found : candidates;
        if (found.Count > 0)
        {
            return found;
        }

        var to = ReturnedMessage.Headers(message)?["To"] ?? InlineTo().Match(message.TextBody ?? "").Groups[1].Value;
        return Distinct(MailText.Addresses(to ?? ""));
    }

    private static List<string> Distinct(IEnumerable<string> addresses) =>
        addresses.Select(a => a.Trim('.')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    [GeneratedRegex(@"undeliver|returned mail|delivery (status|failure|failed|notification|problem)|failure notice|mail delivery|non.?deliver|could not be delivered|not delivered|delivery has failed|rejected|bounce|error", RegexOptions.IgnoreCase)]
    private static partial Regex BounceSubject();

    [GeneratedRegex(@"error message|not a member|invalid (user|recipient|address)|no such user|user unknown|could not be delivered|couldn't be delivered|wasn't delivered|was not delivered|undeliverable|delivery (has )?failed|permanent (error|failure|fatal)|unable to deliver|following (recipient|address)|not able to deliver|fatal error", RegexOptions.IgnoreCase)]
    private static partial Regex BounceText();

    [GeneratedRegex(@"^(mailer-daemon|postmaster|mail-daemon|no-?reply|noreply|abuse|root)@", RegexOptions.IgnoreCase)]
    private static partial Regex NotARecipient();

    [GeneratedRegex(@"^To:[ \t]*(.+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex InlineTo();
}
