using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Telemetry;
using MxPortal.TestSupport;
using MxPortal.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace MxPortal.Web.Tests.Telemetry;

/// <summary>
/// The OTLP push over real sockets: the portal exports the "MxPortal" meter to a collector on a loopback port, over
/// http/protobuf and gRPC, and a collector that cannot be reached never stops it serving pages.
/// </summary>
public sealed class OtlpExportTests(ITestOutputHelper output)
{
    private const string Attempts = "mxportal.smtp.attempts";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task HttpProtobuf_PushesTheMxPortalMeter_ToTheConfiguredUrl()
    {
        using var events = new OtlpExporterEvents();
        await using var collector = await OtlpReceiver.StartAsync(OtlpReceiver.Transport.HttpProtobuf);
        using var portal = Started(new Uri(collector.Address, "v1/metrics"), "http/protobuf");
        var rule = RecordAttempt(portal);

        var export = await collector.WaitForAsync(e => HasAttempt(e.Body, rule), Timeout);

        Assert.Equal("POST", export.Method);
        Assert.Equal("/v1/metrics", export.Path);
        Assert.Equal("application/x-protobuf", export.ContentType);
        AssertAttemptExported(OtlpMetricsRequest.Parse(export.Body), rule);
        await AssertExporterAcceptedTheAnswerAsync(collector, export, events);
    }

    [Fact]
    public async Task Grpc_PushesTheMxPortalMeter_ToTheMetricsService()
    {
        using var events = new OtlpExporterEvents();
        await using var collector = await OtlpReceiver.StartAsync(OtlpReceiver.Transport.Grpc);
        using var portal = Started(collector.Address, "grpc");
        var rule = RecordAttempt(portal);

        var export = await collector.WaitForAsync(e => HasAttempt(GrpcMessage(e.Body), rule), Timeout);

        Assert.Equal("POST", export.Method);
        Assert.Equal("/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", export.Path);
        Assert.Equal("application/grpc", export.ContentType);
        AssertAttemptExported(OtlpMetricsRequest.Parse(GrpcMessage(export.Body)), rule);
        await AssertExporterAcceptedTheAnswerAsync(collector, export, events);
    }

    [Theory]
    [InlineData("http/protobuf", "v1/metrics")]
    [InlineData("grpc", "")]
    public async Task CollectorUnreachable_ExportFails_AndThePortalStillServesPages(string protocol, string path)
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}/{path}"); // a free port: nobody listens there
        using var events = new OtlpExporterEvents();
        using var portal = Started(closed, protocol);
        RecordAttempt(portal);

        // The exporter really tried this endpoint and reported the failure (it logs; it must not throw).
        output.WriteLine((await events.WaitForAsync($"127.0.0.1:{closed.Port}", Timeout)).Split(Environment.NewLine)[0]);

        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static PortalFactory Started(Uri endpoint, string protocol)
    {
        var portal = new PortalFactory(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = endpoint.ToString(),
            ["Telemetry:OtlpProtocol"] = protocol,
            // The SDK's standard variable, read through the portal's configuration like any environment variable;
            // a setting rather than the process environment keeps parallel tests apart. Default: every 60 s.
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        portal.UseRealSockets();
        return portal;
    }

    /// <summary>One sent attempt under an MX rule named for this test only: meters are seen across hosts in one process.</summary>
    private static string RecordAttempt(PortalFactory portal)
    {
        var rule = $"otlp-test-{Guid.NewGuid():N}";
        portal.Services.GetRequiredService<MxPortalMetrics>().Attempt(AttemptOutcome.Sent("250 2.0.0 Ok: queued"), rule);
        return rule;
    }

    // Note: the value is part of the wait. An export that collects while the test's Add is under way can carry the new
    // point before its value (the SDK creates the point, then adds): 0 there, 1 from the next export on.
    private static bool HasAttempt(byte[] body, string rule) =>
        OtlpMetricsRequest.Parse(body).Points.Any(p => p.Metric == Attempts && p.Attributes.GetValueOrDefault(MetricTags.MxRule) == rule && p.Value == 1);

    private static void AssertAttemptExported(OtlpMetricsRequest request, string rule)
    {
        var point = Assert.Single(request.Points, p => p.Metric == Attempts && p.Attributes.GetValueOrDefault(MetricTags.MxRule) == rule);
        Assert.Equal(MxPortalMetrics.MeterName, point.Scope);
        Assert.Equal("sent", point.Attributes[MetricTags.Status]);
        Assert.Equal(1, point.Value);
        Assert.Equal("mxportal", request.ResourceAttributes["service.name"]);
        // The meter's other instruments ride along in the same scope (those recorded so far), never under another.
        Assert.All(request.Metrics.Where(m => m.Name.StartsWith("mxportal.", StringComparison.Ordinal)),
            m => Assert.Equal(MxPortalMetrics.MeterName, m.Scope));
    }

    /// <summary>
    /// Our answer was a success to the exporter: by the next export it has handled it, and it reported no failure for
    /// this collector (a bad gRPC frame or trailer would be an ExportFailure event).
    /// </summary>
    private static async Task AssertExporterAcceptedTheAnswerAsync(OtlpReceiver collector, OtlpReceiver.Export export, OtlpExporterEvents events)
    {
        await collector.WaitForNextAsync(export, Timeout);
        Assert.Empty(events.About(collector.Address.Authority));
    }

    /// <summary>The message inside one gRPC length-prefixed frame: flag 0 (not compressed), 4-byte big-endian length.</summary>
    private static byte[] GrpcMessage(byte[] frame)
    {
        Assert.True(frame.Length >= 5, "a gRPC frame has a 5-byte header");
        Assert.Equal(0, frame[0]);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1));
        Assert.Equal(frame.Length - 5, length);
        return frame[5..];
    }
}
