using Microsoft.Extensions.Options;

namespace MxPortal.Web.Tests.Hosting;

/// <summary>A bad configuration stops start-up with a message that names the key to fix.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider")]
    [InlineData("Database:ConnectionString", "Data Source", "Database:ConnectionString")]
    [InlineData("Database:ConnectionString", "this is not a connection string", "Database:ConnectionString")]
    [InlineData("Hangfire:Storage", "Redis", "Hangfire:Storage")]
    [InlineData("Portal:TimeZone", "Mars/Olympus", "Portal:TimeZone")]
    [InlineData("Bootstrap:AdminEmail", "nobody", "Bootstrap:AdminEmail")]
    [InlineData("Sync:Role", "Relay", "Sync:Role")]
    [InlineData("Sync:Role", "Client", "Sync:PublisherUrl")]
    [InlineData("Sync:Role", "Client", "Sync:PublicKey")]
    [InlineData("Sync:Role", "Client", "Sync:ApiKey")]
    [InlineData("Sync:TimeoutSeconds", "0", "TimeoutSeconds")]
    [InlineData("Sending:Transport", "Smoke", "Sending:Transport")]
    [InlineData("Telemetry:PrometheusPath", "metrics", "Telemetry:PrometheusPath")]
    [InlineData("Telemetry:PrometheusAllowedNetworks:0", "10.0.0.0/33", "Telemetry:PrometheusAllowedNetworks:0")]
    [InlineData("Telemetry:OtlpEndpoint", "collector:4317", "Telemetry:OtlpEndpoint")]
    [InlineData("Telemetry:OtlpProtocol", "udp", "Telemetry:OtlpProtocol")]
    public void BadValue_StopsStartupNamingTheKey(string key, string value, string named)
    {
        using var factory = new PortalFactory(new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = FindValidationError(error);
        Assert.NotNull(validation);
        Assert.Contains(named, validation!.Message);
    }

    private static OptionsValidationException? FindValidationError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException v) return v;
            if (e is AggregateException a) return a.InnerExceptions.Select(FindValidationError).FirstOrDefault(x => x is not null);
        }
        return null;
    }
}
