using System.Globalization;
using System.Text;
using System.Text.Json;
using MimeKit;
using MxPortal.Domain.Sending.Templates;
using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// Builds the messages of a delivery. The return path carries a VERP token (<c>bounce+D-R@domain</c>) and the
/// message an <c>X-MxPortal-Id</c> header, so a later bounce mail finds its delivery and recipient.
/// </summary>
public sealed class DeliveryMessageFactory(TimeProvider time)
{
    public const string IdHeader = "X-MxPortal-Id";

    public static string Token(long deliveryId, long recipientId) =>
        string.Create(CultureInfo.InvariantCulture, $"{deliveryId}-{recipientId}");

    /// <summary>Reads a token made by <see cref="Token"/>; false for anything else.</summary>
    public static bool TryParseToken(string? token, out long deliveryId, out long recipientId)
    {
        deliveryId = recipientId = 0;
        var dash = token?.IndexOf('-') ?? -1;
        return dash > 0
            && long.TryParse(token!.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out deliveryId)
            && long.TryParse(token!.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out recipientId);
    }

    /// <summary>Compiles the delivery's message once (for a run): the recipients' messages are built from it.</summary>
    public DeliveryMessages For(Delivery delivery) => new(delivery, time.GetUtcNow());
}

/// <summary>
/// One delivery's message, compiled: when its texts use no <c>{{field}}</c>, everything but To, Message-ID and the
/// correlation header is serialized once and shared by every recipient; otherwise each recipient's message is
/// rendered and serialized on its own (the slow path, only for personalized deliveries).
/// </summary>
public sealed class DeliveryMessages
{
    private readonly Delivery _delivery;
    private readonly DateTimeOffset _date;
    private readonly MessageTemplate? _template;
    private readonly byte[]? _shared;

    internal DeliveryMessages(Delivery delivery, DateTimeOffset date)
    {
        _delivery = delivery;
        _date = date;
        var template = MessageTemplate.Compile(delivery.Subject, delivery.HtmlBody, delivery.TextBody);
        // Note: a template with syntax errors was refused when the delivery was saved; if one gets here it is sent as written.
        if (!template.HasSyntaxErrors && template.Fields.Count > 0) _template = template;
        else _shared = MessageContent.Serialize(Compose(delivery.Subject, delivery.HtmlBody, delivery.TextBody));
    }

    public bool IsPersonalized => _template is not null;

    public OutgoingMessage Build(DeliveryRecipient recipient)
    {
        var token = DeliveryMessageFactory.Token(_delivery.Id, recipient.Id);
        var content = _shared is not null
            ? new MessageContent(Head(recipient.Address, token), _shared)
            : Personalized(recipient, token);
        return new OutgoingMessage(recipient.Id, recipient.Address, $"bounce+{token}@{_delivery.ReturnPathDomain}", content);
    }

    private MessageContent Personalized(DeliveryRecipient recipient, string token)
    {
        var rendered = _template!.Render(Fields(recipient.FieldsJson));
        var message = Compose(rendered.Subject, rendered.Html, rendered.Text);
        message.To.Add(MailboxAddress.Parse(recipient.Address));
        message.MessageId = MessageId(token);
        message.Headers.Add(DeliveryMessageFactory.IdHeader, token);
        return MessageContent.From(message);
    }

    private MimeMessage Compose(string subject, string? html, string? text)
    {
        var message = new MimeMessage { Subject = subject, Date = _date };
        message.Headers.Remove(HeaderId.MessageId);
        message.From.Add(MailboxAddress.Parse(_delivery.FromAddress));
        if (!string.IsNullOrWhiteSpace(_delivery.ReplyTo)) message.ReplyTo.Add(MailboxAddress.Parse(_delivery.ReplyTo));
        message.Body = new BodyBuilder { HtmlBody = html, TextBody = text }.ToMessageBody();
        // Note: 7-bit transfer encodings go through any MX, with or without 8BITMIME.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private byte[] Head(string address, string token)
    {
        var to = Ascii.IsValid(address) ? address : MailboxAddress.Parse(address).ToString(MessageContent.Format, encode: true);
        return Encoding.UTF8.GetBytes($"To: {to}\r\nMessage-ID: <{MessageId(token)}>\r\n{DeliveryMessageFactory.IdHeader}: {token}\r\n");
    }

    private string MessageId(string token) =>
        string.Create(CultureInfo.InvariantCulture, $"{token}.{Random.Shared.NextInt64():x}@{_delivery.ReturnPathDomain}");

    private static Dictionary<string, string> Fields(string? json)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(json)) return fields;
        using var doc = JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            fields[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString();
        return fields;
    }
}
