using Microsoft.Extensions.Options;
using MxPortal.Web.Telemetry;

namespace MxPortal.Web.Endpoints;

internal static class MetricsEndpoints
{
    /// <summary>
    /// GET /metrics (<c>Telemetry:PrometheusPath</c>) when <c>Telemetry:Prometheus</c> is on: the Prometheus text format,
    /// without a portal sign-in (scrapers have none), to the allowed networks only; 403 to anyone else.
    /// </summary>
    public static void MapMetricsEndpoint(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Prometheus) return;
        var allowed = AllowedNetworks.From(options.PrometheusAllowedNetworks);
        app.MapPrometheusScrapingEndpoint(options.PrometheusPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
            {
                if (allowed.Contains(http.Connection.RemoteIpAddress))
                {
                    await next(http);
                    return;
                }
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync("The metrics endpoint is not open to this address (Telemetry:PrometheusAllowedNetworks).");
            }), optionsName: null)
            .AllowAnonymous();
    }
}
