using System.Globalization;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Events;

namespace MxPortal.Web.Endpoints;

internal static class BounceLogEndpoints
{
    /// <summary>
    /// GET /bounce-log/export.csv?address=&amp;domain=&amp;type=&amp;reason=&amp;rule=&amp;delivery=&amp;from=&amp;to=&amp;text= : the filtered log.
    /// GET /bounce-log/{id}/raw : the raw bounce mail of an asynchronous event, as plain text (never rendered as HTML).
    /// </summary>
    public static void MapBounceLogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bounce-log/export.csv", async (HttpContext http, BounceLogQuery log, TimeProvider time,
            string? address, string? domain, FailureType? type, FailureReason? reason, string? rule, long? delivery, DateTime? from,
            DateTime? to, string? text) =>
        {
            var filter = new BounceLogFilter(address, domain, type, reason, rule, delivery, from?.ToUniversalTime(), to?.ToUniversalTime(), text);
            var csv = await Csv.StartAsync(http, time, "bounce-log", "time_utc", "address", "domain", "source", "type", "reason", "decided_by",
                "rule", "status", "text", "complaint", "delivery_id", "delivery");
            await foreach (var e in log.StreamAsync(filter, http.RequestAborted))
                await csv.WriteRowAsync(Csv.Time(e.AtUtc), e.Address, e.Domain, e.Source.ToString(), e.Type.ToString(), e.Reason.ToString(),
                    e.DecidedBy.ToString(), e.Decider, e.Status, e.Text, e.IsComplaint ? "yes" : "no",
                    e.DeliveryId?.ToString(CultureInfo.InvariantCulture), e.DeliveryName);
            await csv.FlushAsync();
        }).RequireAuthorization(Policies.Read);

        app.MapGet("/bounce-log/{id:long}/raw", async (long id, BounceLogQuery log, HttpContext http) =>
        {
            if (await log.RawMailAsync(id, http.RequestAborted) is not { } raw) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(raw, "text/plain; charset=utf-8");
        }).RequireAuthorization(Policies.Read);
    }
}
