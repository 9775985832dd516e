namespace MxPortal.Infrastructure.MxRules;

/// <summary>The instance's throughput level: a single row with <see cref="Id"/> = <see cref="SingletonId"/>.</summary>
public sealed class ThroughputSettingRow
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public int InstanceLevel { get; set; }
}
