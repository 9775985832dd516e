namespace MxPortal.Web.Telemetry;

/// <summary>Configuration section <c>Telemetry</c>: where the "MxPortal" meter is exported (docs/operations-metrics.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics in the Prometheus text format at <see cref="PrometheusPath"/>. Default false.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Path of the Prometheus scrape endpoint; needs no portal sign-in. Default <c>/metrics</c>.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// Networks that may scrape, in CIDR notation (<c>10.20.0.0/16</c>) or single addresses, matched against the
    /// connection's remote address; any other caller gets 403. Empty (the default): loopback only.
    /// </summary>
    public List<string> PrometheusAllowedNetworks { get; set; } = [];

    /// <summary>OTLP collector to push the metrics to (e.g. <c>http://otel-collector:4317</c>). Empty (the default): off.</summary>
    public string OtlpEndpoint { get; set; } = "";

    /// <summary><c>grpc</c> (default, port 4317) or <c>http/protobuf</c> (the full URL, e.g. <c>http://collector:4318/v1/metrics</c>).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    public bool OtlpEnabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);
}
