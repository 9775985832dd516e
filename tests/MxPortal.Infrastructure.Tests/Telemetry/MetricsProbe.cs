using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Tests.Telemetry;

/// <summary>
/// Collects what the "MxPortal" meter of one service provider records. Meters come from that provider's
/// <see cref="IMeterFactory"/>, so tests running in parallel never see each other's measurements.
/// </summary>
public sealed class MetricsProbe : IDisposable
{
    private readonly ServiceProvider? _own;
    private readonly IMeterFactory _factory;
    private readonly List<IDisposable> _collectors = [];

    /// <summary>A meter of its own, for code built by hand (the engine tests).</summary>
    public MetricsProbe()
    {
        _own = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _factory = _own.GetRequiredService<IMeterFactory>();
        Metrics = new MxPortalMetrics(_factory);
    }

    /// <summary>The meter of a host's services (AddMxInfrastructure registers it).</summary>
    public MetricsProbe(IServiceProvider services)
    {
        _factory = services.GetRequiredService<IMeterFactory>();
        Metrics = services.GetRequiredService<MxPortalMetrics>();
    }

    public MxPortalMetrics Metrics { get; }

    public MetricCollector<T> Collect<T>(string instrument) where T : struct
    {
        var collector = new MetricCollector<T>(_factory, MxPortalMetrics.MeterName, instrument);
        _collectors.Add(collector);
        return collector;
    }

    public void Dispose()
    {
        foreach (var c in _collectors) c.Dispose();
        _own?.Dispose();
    }
}
