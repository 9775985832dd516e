using Microsoft.Extensions.Options;
using MxPortal.Infrastructure.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace MxPortal.Web.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Exports the "MxPortal" meter, ASP.NET Core's and the runtime's through OpenTelemetry: a Prometheus scrape
    /// endpoint (<see cref="Endpoints.MetricsEndpoints"/>) and/or an OTLP push. With both off (the default) nothing
    /// listens, so the engine's instruments cost next to nothing.
    /// </summary>
    public static IServiceCollection AddMxTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        // Note: which exporters exist is decided here, before the options can be validated; the validator still
        // stops start-up on a bad value, and nothing below trusts one.
        var settings = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!settings.Prometheus && !settings.OtlpEnabled) return services;

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("mxportal"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MxPortalMetrics.MeterName).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation();
                if (settings.Prometheus) metrics.AddPrometheusExporter();
                if (settings.OtlpEnabled)
                    metrics.AddOtlpExporter(o =>
                    {
                        if (Uri.TryCreate(settings.OtlpEndpoint, UriKind.Absolute, out var endpoint)) o.Endpoint = endpoint;
                        o.Protocol = settings.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    });
            });
        return services;
    }
}
