namespace MxPortal.Infrastructure.Dashboard;

/// <summary>
/// Per domain and UTC day: attempts, sends and bounces, kept by the pipelines in the transaction that records them
/// (<see cref="DailyStats"/>), so the dashboard's rates read a few thousand rows instead of the event tables.
/// </summary>
public sealed class DomainDailyStat
{
    /// <summary>Midnight UTC.</summary>
    public DateTime Day { get; set; }

    public string Domain { get; set; } = "";

    /// <summary>Synchronous attempts (Sent, Deferred or Failed): the denominator of the rates.</summary>
    public long Attempts { get; set; }

    public long Sent { get; set; }
    public long HardBounces { get; set; }
    public long SoftBounces { get; set; }
    public long Complaints { get; set; }
}
