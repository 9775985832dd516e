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
    private static IEnumerable<HeaderList> SplitByRecipient(HeaderList block)
    {
        HeaderList? current = null;
        foreach (var header in block)
        {
            if (header.Field.Equals("Final-Recipient", StringComparison.OrdinalIgnoreCase)
                || (header.Field.Equals("Original-Recipient", StringComparison.OrdinalIgnoreCase) && current?.Contains(header.Field) == true))
            {
                if (current is not null && Address(current) is not null && current.Contains("Final-Recipient"))
                {
                    yield return current;
                    current = null;
                }
            }

            current ??= [];
            current.Add(header.Field, header.Value);
        }

        if (current is not null && Address(current) is not null)
        {
            yield return current;
        }
    }

    private static string? Address(HeaderList fields) =>
        MailText.CleanAddress(fields["Final-Recipient"]) ?? MailText.CleanAddress(fields["Original-Recipient"]);

    private static BouncedRecipient? ReadRecipient(HeaderList fields, string notification, IReadOnlyList<string> all)
    {
        var address = Address(fields);
        if (address is null)
        {
            return null;
        }

        var diagnostic = MailText.StripType(fields["Diagnostic-Code"]);
        var section = RecipientSection.For(notification, address, all);
        return new BouncedRecipient(
            address,
            MailText.Collapse(fields["Action"]).ToLowerInvariant(),
            MailText.Collapse(fields["Status"]),
            diagnostic,
            MailText.StripType(fields["Remote-MTA"]),
            MailText.Collapse(section),
            MailText.SmtpCommand(diagnostic) ?? MailText.SmtpCommand(section));
    }

    private static IEnumerable<HeaderList> StatusGroups(MimeEntity part)
    {
        if (part is MessageDeliveryStatus status)
        {
            return status.StatusGroups;
        }

        // Note: some MTAs label the report text/delivery-status; the groups are the same
        // blank-line separated header blocks.
        return part is TextPart text ? Groups(text.Text) : [];
    }

    private static IEnumerable<HeaderList> Groups(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParseFields);

    private static HeaderList ParseFields(string block)
    {
        var list = new HeaderList();
        string? name = null;
        var value = "";
        foreach (var line in block.Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && name is not null)
            {
                value += " " + line.Trim();
                continue;
            }

            if (name is not null)
            {
                list.Add(name, value);
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            (name, value) = colon > 0 && !line[..colon].Contains(' ', StringComparison.Ordinal) ? (line[..colon].Trim(), line[(colon + 1)..].Trim()) : (null, "");
        }

        if (name is not null)
        {
            list.Add(name, value);
        }

        return list;
    }

    [GeneratedRegex(@"^Final-Recipient:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex InlineFields();
}
