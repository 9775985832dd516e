using System.Collections.Concurrent;
using System.Text.Json;
using MxPortal.Domain.Sending.Templates;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// Per-recipient <c>{{Field}}</c> rendering for <see cref="DeliveryMessageFactory"/>: the template is compiled once
/// per delivery (recompiled if its texts change) and only used when it has fields, so a plain message is built as before.
/// </summary>
internal sealed class DeliveryTemplates
{
    private readonly ConcurrentDictionary<long, (string? Subject, string? Html, string? Text, MessageTemplate Template)> cache = new();

    /// <summary>The recipient's texts, or null when the delivery's message has no fields (send it as written).</summary>
    public RenderedMessage? Render(Delivery delivery, DeliveryRecipient recipient)
    {
        var entry = cache.AddOrUpdate(delivery.Id,
            _ => Compile(delivery),
            (_, e) => e.Subject == delivery.Subject && e.Html == delivery.HtmlBody && e.Text == delivery.TextBody ? e : Compile(delivery));
        var template = entry.Template;
        if (template.HasSyntaxErrors || template.Fields.Count == 0) return null;
        var fields = string.IsNullOrEmpty(recipient.FieldsJson)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(recipient.FieldsJson) ?? [];
        return template.Render(fields);
    }

    private static (string?, string?, string?, MessageTemplate) Compile(Delivery d) =>
        (d.Subject, d.HtmlBody, d.TextBody, MessageTemplate.Compile(d.Subject, d.HtmlBody, d.TextBody));
}
