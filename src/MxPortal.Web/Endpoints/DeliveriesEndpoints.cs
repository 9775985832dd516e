using System.Globalization;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Export;

namespace MxPortal.Web.Endpoints;

internal static class DeliveriesEndpoints
{
    /// <summary>
    /// GET /deliveries/{id}/import-issues.csv: every row of the last import that was not imported, by line.
    /// POST /deliveries/{id}/start|pause|resume|cancel (form with the antiforgery token): the controls for scripts;
    /// 200 with the delivery's status, 409 with the reasons when refused. OperateDeliveries at the endpoint and again
    /// in <see cref="DeliveryService"/>.
    /// </summary>
    public static void MapDeliveriesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/deliveries/{id:long}/import-issues.csv", async (long id, HttpContext http, DeliveryReader reader) =>
        {
            if (await reader.FindAsync(id, http.RequestAborted) is null) return Results.NotFound();
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"delivery-{id}-import-issues.csv\"";
            await using var body = new StreamWriter(http.Response.Body);
            var csv = new CsvWriter(body);
            await csv.WriteRowAsync("line", "kind", "message");
            await foreach (var issue in reader.IssuesAsync(id, http.RequestAborted))
                await csv.WriteRowAsync(issue.Line.ToString(CultureInfo.InvariantCulture), issue.Kind.ToString(), issue.Message);
            return Results.Empty;
        }).RequireAuthorization(Policies.Read);

        // Note: binding the form makes the antiforgery middleware check the token, so a cross-site form cannot start a delivery.
        app.MapPost("/deliveries/{id:long}/{command:regex(^(start|pause|resume|cancel)$)}",
            async (long id, string command, IFormCollection form, HttpContext http, DeliveryService service, DeliveryReader reader) =>
            {
                var change = command switch
                {
                    "start" => await service.StartAsync(http.User, id, http.RequestAborted),
                    "pause" => await service.PauseAsync(http.User, id, http.RequestAborted),
                    "resume" => await service.ResumeAsync(http.User, id, http.RequestAborted),
                    _ => await service.CancelAsync(http.User, id, http.RequestAborted),
                };
                if (!change.Applied) return Results.Conflict(new { errors = change.Errors.Select(e => e.ToString()) });
                var delivery = await reader.FindAsync(id, http.RequestAborted);
                return Results.Ok(new { id, status = delivery?.Status.ToString() });
            }).RequireAuthorization(Policies.OperateDeliveries);
    }
}
