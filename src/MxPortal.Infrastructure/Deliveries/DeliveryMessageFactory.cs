using System.Globalization;
using MimeKit;
using MimeKit.Utils;
using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// Builds the message of one recipient. The return path carries a VERP token (<c>bounce+D-R@domain</c>) and the
/// message an <c>X-MxPortal-Id</c> header, so a later bounce mail finds its delivery and recipient.
/// </summary>
public sealed class DeliveryMessageFactory
{
    public const string IdHeader = "X-MxPortal-Id";
    private readonly DeliveryTemplates templates = new();

    public static string Token(long deliveryId, long recipientId) =>
        string.Create(CultureInfo.InvariantCulture, $"{deliveryId}-{recipientId}");

    /// <summary>Reads a <see cref="Token"/> back; false for anything else.</summary>
    public static bool TryParseToken(string? token, out long deliveryId, out long recipientId)
    {
        deliveryId = recipientId = 0;
        var dash = token?.IndexOf('-') ?? -1;
        return dash > 0
            && long.TryParse(token!.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out deliveryId)
            && long.TryParse(token!.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out recipientId);
    }

    public OutgoingMessage Build(Delivery delivery, DeliveryRecipient recipient)
    {
        var message = new MimeMessage { Subject = delivery.Subject, MessageId = MimeUtils.GenerateMessageId(delivery.ReturnPathDomain) };
        message.From.Add(MailboxAddress.Parse(delivery.FromAddress));
        if (!string.IsNullOrWhiteSpace(delivery.ReplyTo)) message.ReplyTo.Add(MailboxAddress.Parse(delivery.ReplyTo));
        message.To.Add(MailboxAddress.Parse(recipient.Address));
        var token = Token(delivery.Id, recipient.Id);
        message.Headers.Add(IdHeader, token);
        var body = new BodyBuilder { HtmlBody = delivery.HtmlBody, TextBody = delivery.TextBody };
        if (templates.Render(delivery, recipient) is { } personal)
            (message.Subject, body.HtmlBody, body.TextBody) = (personal.Subject, personal.Html, personal.Text);
        message.Body = body.ToMessageBody();
        return new OutgoingMessage(recipient.Id, recipient.Address, $"bounce+{token}@{delivery.ReturnPathDomain}", message);
    }
}
