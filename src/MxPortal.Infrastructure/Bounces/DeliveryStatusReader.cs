using System.Text.RegularExpressions;
using MimeKit;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>Reads the per-recipient fields of an RFC 3464 delivery status report.</summary>
internal static partial class DeliveryStatusReader
{
    /// <summary>The recipients of every delivery-status part, or an empty list when there is none.</summary>
    public static List<BouncedRecipient> Read(MimeMessage message, string fullText, string notification)
    {
        var recipients = new List<BouncedRecipient>();
        var parts = message.BodyParts
            .Where(p => p.ContentType.MediaSubtype.Contains("delivery-status", StringComparison.OrdinalIgnoreCase))
            .Select(p => StatusGroups(p).SelectMany(SplitByRecipient).ToList())
            .ToList();
        if (parts.Count == 0 && InlineFields().IsMatch(fullText))
        {
            // Note: a report whose MIME structure is broken still carries its fields as text.
            parts.Add(Groups(fullText).SelectMany(SplitByRecipient).ToList());
        }

        foreach (var groups in parts)
        {
            var addresses = groups.Select(Address).OfType<string>().ToList();
            foreach (var fields in groups)
            {
                var recipient = ReadRecipient(fields, notification, addresses);
                if (recipient is not null)
                {
                    recipients.Add(recipient);
                }
            }
        }

        return recipients;
    }

    /// <summary>
    /// The per-recipient groups in one block of fields. Some MTAs (AOL) leave out the blank
    /// lines between recipients, so a new Final-Recipient starts a new group.
    /// </summary>
    private static IEnumerable<DsnFields> SplitByRecipient(DsnFields block)
    {
        DsnFields? current = null;
        foreach (var field in block)
        {
            if (field.Key.Equals("Final-Recipient", StringComparison.OrdinalIgnoreCase)
                || (field.Key.Equals("Original-Recipient", StringComparison.OrdinalIgnoreCase) && current?[field.Key] is not null))
            {
                if (current is not null && current["Final-Recipient"] is not null && Address(current) is not null)
                {
                    yield return current;
                    current = null;
                }
            }

            current ??= [];
            current.Add(field);
        }

        if (current is not null && Address(current) is not null)
        {
            yield return current;
        }
    }

    private static string? Address(DsnFields fields) =>
        MailText.CleanAddress(fields["Final-Recipient"]) ?? MailText.CleanAddress(fields["Original-Recipient"]);

    private static BouncedRecipient? ReadRecipient(DsnFields fields, string notification, IReadOnlyList<string> all)
    {
        var address = Address(fields);
        if (address is null)
        {
            return null;
        }

        var diagnostic = Diagnostic(fields["Diagnostic-Code"]);
        var section = RecipientSection.For(notification, address, all);
        return new BouncedRecipient(
            address,
            MailText.Collapse(fields["Action"]).ToLowerInvariant(),
            MailText.Collapse(fields["Status"]),
            diagnostic,
            MailText.StripType(fields["Remote-MTA"]),
            MailText.Collapse(section),
            SmtpStageReader.Find(diagnostic) ?? SmtpStageReader.Find(section));
    }

    /// <summary>
    /// The diagnostic text without its type (RFC 3464 §2.3.6), except for a bare number of type
    /// X-Unix: the exit status of a local delivery program (sendmail's "unknown mailer error"),
    /// which without its type would read like a meaningless number.
    /// </summary>
    private static string? Diagnostic(string? field)
    {
        var text = MailText.StripType(field);
        return text is { Length: > 0 } && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
            && field!.TrimStart().StartsWith("x-unix", StringComparison.OrdinalIgnoreCase)
                ? $"X-Unix; {text}"
                : text;
    }

    private static IEnumerable<DsnFields> StatusGroups(MimeEntity part)
    {
        if (part is MessageDeliveryStatus status)
        {
            return status.StatusGroups.Select(DsnFields.From);
        }

        // Note: some MTAs label the report text/delivery-status; the groups are the same
        // blank-line separated header blocks.
        return part is TextPart text ? Groups(text.Text) : [];
    }

    private static IEnumerable<DsnFields> Groups(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(DsnFields.Parse);

    [GeneratedRegex(@"^Final-Recipient:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex InlineFields();
}
