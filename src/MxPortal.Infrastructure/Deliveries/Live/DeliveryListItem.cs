using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Live;

/// <summary>One row of the deliveries list.</summary>
public sealed record DeliveryListItem(long Id, string Name, DeliveryStatus Status, DateTime CreatedUtc, string CreatedBy, DateTime? StartedUtc,
    int Total, int Sent, int Failed, int Skipped)
{
    /// <summary>Share of the recipients with a final outcome, 0 to 100.</summary>
    public double Percent => Total == 0 ? 0 : Math.Min(100, 100.0 * (Sent + Failed + Skipped) / Total);
}
