using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Quarantine;

namespace MxPortal.Web.Endpoints;

internal static class QuarantineEndpoints
{
    /// <summary>
    /// GET /quarantine/export.csv?address=&amp;domain=&amp;status=&amp;reason=&amp;type=&amp;from=&amp;to=&amp;sort=&amp;desc= : the filtered list.
    /// POST /quarantine/release (form: <c>address</c> repeated, <c>reason</c>, antiforgery token): releases the addresses;
    /// refused to a role without ReleaseQuarantine (and the service checks again).
    /// </summary>
    public static void MapQuarantineEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/quarantine/export.csv", async (HttpContext http, QuarantineQuery query, TimeProvider time,
            string? address, string? domain, AddressStatus? status, FailureReason? reason, FailureType? type, DateTime? from, DateTime? to,
            QuarantineSort? sort, bool? desc) =>
        {
            var filter = new QuarantineListFilter(address, domain, status, reason, type, from?.ToUniversalTime(), to?.ToUniversalTime(),
                sort ?? QuarantineSort.Since, desc ?? true);
            var csv = await Csv.StartAsync(http, time, "quarantine", "address", "domain", "status", "since_utc", "type", "reason",
                "error_count", "first_error_utc", "last_error_utc", "last_error_text", "delivery_id");
            await foreach (var r in query.StreamAsync(filter, http.RequestAborted))
                await csv.WriteRowAsync(r.Address, r.Domain, r.Status.ToString(), Csv.Time(r.SinceUtc), r.Type?.ToString(), r.Reason?.ToString(),
                    r.ErrorCount.ToString(CultureInfo.InvariantCulture), Csv.Time(r.FirstErrorUtc), Csv.Time(r.LastErrorUtc), r.LastErrorText,
                    r.DeliveryId?.ToString(CultureInfo.InvariantCulture));
            await csv.FlushAsync();
        }).RequireAuthorization(Policies.Read);

        // Note: form binding makes the antiforgery middleware check the token, so a cross-site form cannot release.
        app.MapPost("/quarantine/release", async (HttpContext http, QuarantineActions actions, [FromForm] string? reason) =>
        {
            var addresses = http.Request.Form["address"].OfType<string>().ToList();
            var result = await actions.ReleaseAsync(http.User, addresses, reason, http.RequestAborted);
            return result.Succeeded
                ? Results.Ok(new { released = result.Changed, unchanged = result.Unchanged })
                : Results.BadRequest(new { errors = result.Errors });
        }).RequireAuthorization(Policies.ReleaseQuarantine);
    }
}
