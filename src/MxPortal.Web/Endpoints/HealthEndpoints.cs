using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace MxPortal.Web.Endpoints;

internal static class HealthEndpoints
{
    /// <summary>GET /healthz: 200 when the database and the job storage answer, 503 otherwise, with a JSON body.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (http, report) =>
            {
                http.Response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(http.Response.Body, new
                {
                    status = report.Status.ToString(),
                    durationMs = (int)report.TotalDuration.TotalMilliseconds,
                    checks = report.Entries.ToDictionary(e => e.Key, e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        data = e.Value.Data,
                    }),
                });
            },
        }).AllowAnonymous();
    }
}
