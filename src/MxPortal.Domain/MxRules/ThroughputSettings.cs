namespace MxPortal.Domain.MxRules;

/// <summary>The instance's throughput level and the per-identity overrides (keyed by public id).</summary>
public sealed record ThroughputSettings(ThroughputLevel InstanceLevel, IReadOnlyDictionary<int, ThroughputLevel> Overrides)
{
    public ThroughputSettings(ThroughputLevel instanceLevel) : this(instanceLevel, new Dictionary<int, ThroughputLevel>())
    {
    }

    /// <summary>The level that applies to the identity with this public id: its override, else the instance's.</summary>
    public ThroughputLevel LevelFor(int publicId) =>
        Overrides.TryGetValue(publicId, out var level) ? level : InstanceLevel;
}
