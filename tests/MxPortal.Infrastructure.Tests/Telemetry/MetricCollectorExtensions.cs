using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MxPortal.Infrastructure.Tests.Telemetry;

public static class MetricCollectorExtensions
{
    /// <summary>The sum of the measurements carrying every given tag (key=value); no tag given: all of them.</summary>
    public static long Sum(this MetricCollector<long> collector, params string[] tags) =>
        collector.GetMeasurementSnapshot().Where(m => Matches(m.Tags, tags)).Sum(m => m.Value);

    /// <summary>How many measurements carry every given tag (for histograms: the number of values recorded).</summary>
    public static int Count<T>(this MetricCollector<T> collector, params string[] tags) where T : struct =>
        collector.GetMeasurementSnapshot().Count(m => Matches(m.Tags, tags));

    private static bool Matches(IReadOnlyDictionary<string, object?> actual, string[] tags) =>
        tags.All(t =>
        {
            var (key, value) = (t[..t.IndexOf('=')], t[(t.IndexOf('=') + 1)..]);
            return actual.TryGetValue(key, out var v) && Equals(v as string, value);
        });
}
