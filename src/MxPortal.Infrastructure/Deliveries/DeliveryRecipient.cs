using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// One recipient of a delivery and its state. Persisted before anything is sent, so that a killed process loses
/// nothing: a claimed (InFlight) recipient whose lease expired is claimed again.
/// </summary>
public sealed class DeliveryRecipient
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }

    /// <summary>As imported (trimmed); <see cref="AddressKey"/> is the lower-cased form duplicates are detected on.</summary>
    public string Address { get; set; } = "";
    public string AddressKey { get; set; } = "";
    public string Domain { get; set; } = "";

    /// <summary>The CSV's other columns (personalization fields) as a JSON object.</summary>
    public string? FieldsJson { get; set; }

    public RecipientState State { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptUtc { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public string? LastReply { get; set; }
    public FailureType? FailureType { get; set; }
    public FailureReason? FailureReason { get; set; }
}
