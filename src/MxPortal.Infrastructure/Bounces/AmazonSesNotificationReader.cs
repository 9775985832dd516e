using System.Text.Json;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

/// <summary>
/// Reads an Amazon SES notification delivered by mail through SNS: a JSON body with
/// <c>notificationType</c> Bounce, Complaint or Delivery.
/// </summary>
internal static class AmazonSesNotificationReader
{
    public static (BounceReportKind Kind, List<BouncedRecipient> Recipients)? Read(string text)
    {
        try
        {
            using var json = Notification(text);
            if (json is null)
            {
                return null;
            }

            var root = json.RootElement;
            return Str(root, "notificationType") switch
            {
                "Bounce" => (BounceReportKind.DeliveryStatus, Bounced(root.GetProperty("bounce"))),
                "Complaint" => (BounceReportKind.Feedback, Complained(root.GetProperty("complaint"))),
                "Delivery" => (BounceReportKind.DeliveryStatus, Delivered(root.GetProperty("delivery"))),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// The notification JSON: either the body itself, or (raw SNS delivery) the string
    /// "Message" property of an SNS envelope object.
    /// </summary>
    private static JsonDocument? Notification(string text)
    {
        var start = text.IndexOf("{\"notificationType\"", StringComparison.Ordinal);
        if (start >= 0)
        {
            using var reader = new StringReader(text[start..]);
            return JsonDocument.Parse(reader.ReadLine() ?? "");
        }

        if (!text.Contains("\\\"notificationType\\\"", StringComparison.Ordinal))
        {
            return null;
        }

        var open = text.IndexOf('{', StringComparison.Ordinal);
        var close = text.LastIndexOf('}');
        // Note: mail transport may fold the long "Message" line; JSON needs no line breaks.
        var json = text[open..(close + 1)].Replace("\n ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        using var envelope = JsonDocument.Parse(json);
        var message = Str(envelope.RootElement, "Message");
        return message is null ? null : JsonDocument.Parse(message);
    }

    private static List<BouncedRecipient> Bounced(JsonElement bounce) =>
        Items(bounce, "bouncedRecipients").Select(r => new BouncedRecipient(
            Str(r, "emailAddress") ?? "",
            Str(r, "action") ?? "failed",
            Str(r, "status"),
            MailText.StripType(Str(r, "diagnosticCode")) ?? Str(bounce, "bounceSubType"))).ToList();

    private static List<BouncedRecipient> Complained(JsonElement complaint) =>
        Items(complaint, "complainedRecipients").Select(r => new BouncedRecipient(
            Str(r, "emailAddress") ?? "", null, null, null,
            FeedbackType: Str(complaint, "complaintFeedbackType") ?? "abuse")).ToList();

    private static List<BouncedRecipient> Delivered(JsonElement delivery) =>
        Items(delivery, "recipients").Select(r => new BouncedRecipient(
            r.GetString() ?? "", "delivered", null, Str(delivery, "smtpResponse"))).ToList();

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Str(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
