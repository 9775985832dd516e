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
        var start = text.IndexOf("{\"notificationType\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        try
        {
            using var reader = new StringReader(text[start..]);
            using var json = JsonDocument.Parse(reader.ReadLine() ?? "");
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
