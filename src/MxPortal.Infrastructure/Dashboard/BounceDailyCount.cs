using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Dashboard;

/// <summary>Bounce events per UTC day, type and reason (synchronous and asynchronous); kept by <see cref="DailyStats"/>.</summary>
public sealed class BounceDailyCount
{
    /// <summary>Midnight UTC.</summary>
    public DateTime Day { get; set; }

    public FailureType Type { get; set; }
    public FailureReason Reason { get; set; }
    public long Count { get; set; }
}
