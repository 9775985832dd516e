namespace MxPortal.Infrastructure.MxRules;

/// <summary>
/// One throughput level's factor as stored (set by synchronization from the publisher's feed). No rows = the
/// defaults of <see cref="Domain.MxRules.ThroughputLevels.Default"/>.
/// </summary>
public sealed class ThroughputFactorRow
{
    public int Level { get; set; }
    public decimal Factor { get; set; }
}
