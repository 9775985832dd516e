using System.Globalization;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Recipients;

namespace MxPortal.Web.Endpoints;

internal static class DeliveryRecipientsEndpoints
{
    /// <summary>
    /// GET /deliveries/{id}/recipients.csv?state=&amp;domain=&amp;address=&amp;type=&amp;reason= : the delivery's recipients
    /// matching the recipients page's filters, in list order, streamed; 404 for an unknown delivery.
    /// </summary>
    public static void MapDeliveryRecipientsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/deliveries/{id:long}/recipients.csv", async (long id, HttpContext http, DeliveryReader reader, RecipientListQuery recipients,
            TimeProvider time, RecipientState? state, string? domain, string? address, FailureType? type, FailureReason? reason) =>
        {
            if (await reader.FindAsync(id, http.RequestAborted) is null) return Results.NotFound();
            var filter = new RecipientListFilter(state, domain, address, type, reason);
            var csv = await Csv.StartAsync(http, time, $"delivery-{id}-recipients", "address", "domain", "state", "attempts", "last_attempt_utc",
                "next_attempt_utc", "failure_type", "failure_reason", "last_reply");
            await foreach (var r in recipients.StreamAsync(id, filter, http.RequestAborted))
                await csv.WriteRowAsync(r.Address, r.Domain, r.State.ToString(), r.Attempts.ToString(CultureInfo.InvariantCulture),
                    Csv.Time(r.LastAttemptUtc), Csv.Time(r.NextAttemptUtc), r.FailureType?.ToString(), r.FailureReason?.ToString(), r.LastReply);
            await csv.FlushAsync();
            return Results.Empty;
        }).RequireAuthorization(Policies.Read);
    }
}
