using Microsoft.Extensions.Options;

namespace MxPortal.Web.Telemetry;

/// <summary>Checks the <c>Telemetry</c> section at start; each failure names its key.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new List<string>();
        var s = TelemetryOptions.Section;
        if (!options.PrometheusPath.StartsWith('/') || options.PrometheusPath.Length < 2 || options.PrometheusPath.Contains('?'))
            errors.Add($"{s}:PrometheusPath must be a path such as /metrics (got '{options.PrometheusPath}').");
        for (var i = 0; i < options.PrometheusAllowedNetworks.Count; i++)
            if (!AllowedNetworks.TryParse(options.PrometheusAllowedNetworks[i], out _))
                errors.Add($"{s}:PrometheusAllowedNetworks:{i} '{options.PrometheusAllowedNetworks[i]}' is not a network (10.0.0.0/8) or an IP address.");
        if (options.OtlpEnabled && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"{s}:OtlpEndpoint must be an http or https URL (got '{options.OtlpEndpoint}').");
        if (options.OtlpProtocol is not ("grpc" or "http/protobuf"))
            errors.Add($"{s}:OtlpProtocol must be grpc or http/protobuf (got '{options.OtlpProtocol}').");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
