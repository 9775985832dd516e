using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using MxPortal.TestSupport;

namespace MxPortal.Web.Tests.Telemetry;

/// <summary>
/// The OTLP exporter's own warnings and errors (its EventSource), so a test can see that an export was tried and
/// failed instead of guessing with a sleep. EventSources are process-wide: callers filter on their own endpoint.
/// </summary>
public sealed class OtlpExporterEvents : EventListener
{
    private const string SourceName = "OpenTelemetry-Exporter-OpenTelemetryProtocol";

    // Note: initialised before the base constructor, which may already deliver events.
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>What the exporter reported about an endpoint (its host and port, e.g. <c>127.0.0.1:43117</c>).</summary>
    public IReadOnlyList<string> About(string endpoint) =>
        _messages.Where(m => m.Contains(endpoint, StringComparison.Ordinal)).ToList();

    public Task<string> WaitForAsync(string endpoint, TimeSpan timeout) =>
        Poll.UntilAsync(() => About(endpoint).FirstOrDefault(), timeout,
            () => $"The OTLP exporter reported nothing about {endpoint}; it reported: " + string.Join(" | ", _messages));

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == SourceName) EnableEvents(source, EventLevel.Warning);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e) =>
        _messages.Enqueue($"{e.EventName}: {string.Join(", ", e.Payload ?? [])}");
}
