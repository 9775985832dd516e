using System.Globalization;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Export;

namespace MxPortal.Web.Endpoints;

internal static class AuditEndpoints
{
    /// <summary>GET /audit/export.csv?actor=&amp;action=&amp;text=&amp;from=&amp;to= : the filtered audit trail, streamed.</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/audit/export.csv", async (HttpContext http, AuditReader reader, TimeProvider time,
            string? actor, string? action, string? text, DateTime? from, DateTime? to) =>
        {
            var query = new AuditQuery(actor, action, text, from?.ToUniversalTime(), to?.ToUniversalTime());
            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{stamp}.csv\"";
            await using var body = new StreamWriter(http.Response.Body);
            var csv = new CsvWriter(body);
            await csv.WriteRowAsync("time_utc", "actor", "action", "target", "details");
            await foreach (var e in reader.StreamAsync(query, http.RequestAborted))
                await csv.WriteRowAsync(e.AtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), e.Actor, e.Action, e.Target, e.Details);
        }).RequireAuthorization(Policies.ReadAudit);
    }
}
