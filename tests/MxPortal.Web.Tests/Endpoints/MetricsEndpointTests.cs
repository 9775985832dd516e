using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Web.Tests.Hosting;

namespace MxPortal.Web.Tests.Endpoints;

/// <summary>The Prometheus scrape endpoint over real HTTP: off by default, no sign-in, allowed networks only.</summary>
public sealed class MetricsEndpointTests
{
    private static readonly ClaimsPrincipal Operator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "ops@example.test"), new Claim(ClaimTypes.Role, Roles.Operator)], "test"));

    [Fact]
    public async Task Enabled_ServesThePrometheusTextFormat_WithThePortalsSeries_WithoutSignIn()
    {
        using var factory = Started(new() { ["Telemetry:Prometheus"] = "true" });
        // Something the meter counts, through the real service: a person quarantines an address.
        var quarantined = await factory.Services.GetRequiredService<QuarantineActions>()
            .QuarantineAsync(Operator, ["gone@example.test"], "known bad", FailureReason.UserUnknown);
        Assert.True(quarantined.Succeeded);
        using var client = Anonymous(factory);

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("mxportal_quarantine_transitions_total{", body);
        Assert.Contains("mxportal_quarantine_status=\"quarantine\"", body);
        Assert.Contains("dotnet_process_cpu_count", body); // the runtime's own, from its instrumentation
    }

    [Fact]
    public async Task Disabled_ByDefault_IsNotFound()
    {
        using var factory = Started([]);
        using var client = Anonymous(factory);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task CallerOutsideTheAllowedNetworks_IsForbidden_AndTheConfiguredPathIsUsed()
    {
        using var factory = Started(new()
        {
            ["Telemetry:Prometheus"] = "true",
            ["Telemetry:PrometheusPath"] = "/internal/metrics",
            ["Telemetry:PrometheusAllowedNetworks:0"] = "10.20.0.0/16", // the monitoring network; the test calls from 127.0.0.1
        });
        using var client = Anonymous(factory);

        var response = await client.GetAsync("/internal/metrics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("PrometheusAllowedNetworks", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/metrics")).StatusCode);
    }

    private static PortalFactory Started(Dictionary<string, string?> settings)
    {
        var factory = new PortalFactory(settings);
        factory.UseRealSockets();
        return factory;
    }

    /// <summary>A plain socket client with no cookie: what a Prometheus server is.</summary>
    private static HttpClient Anonymous(PortalFactory factory) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = factory.ClientOptions.BaseAddress };
}
