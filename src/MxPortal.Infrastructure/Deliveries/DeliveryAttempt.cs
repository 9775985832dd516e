using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>The delivery log: one row per attempt, with where it went and how the reply was qualified.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public long RecipientId { get; set; }
    public DateTime AtUtc { get; set; }
    public AttemptStatus Status { get; set; }
    public string Reply { get; set; } = "";
    public string? MxHost { get; set; }
    public string? MxAddress { get; set; }
    public int? IdentityId { get; set; }
    public FailureType? FailureType { get; set; }
    public FailureReason? FailureReason { get; set; }

    /// <summary>The bounce rule or status code that decided.</summary>
    public string? DecidedBy { get; set; }
}
