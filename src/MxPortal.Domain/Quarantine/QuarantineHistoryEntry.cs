using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Quarantine;

/// <summary>
/// One line of an address's history: every error, complaint and status change, with who made it and
/// why. Entries are only ever added.
/// </summary>
public sealed class QuarantineHistoryEntry
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public AddressStatus OldStatus { get; set; }

    public AddressStatus NewStatus { get; set; }

    public QuarantineEventKind Kind { get; set; }

    /// <summary>The qualification as recorded: an allowlisted address's errors read Ignored / Error ignored.</summary>
    public FailureType? Type { get; set; }

    public FailureReason? Reason { get; set; }

    /// <summary>The raw error text (SMTP reply or bounce diagnostic).</summary>
    public string? Text { get; set; }

    public long? DeliveryId { get; set; }

    /// <summary><see cref="QuarantineEvent.SystemActor"/> for the pipelines and the clean-up, else the user name.</summary>
    public string Actor { get; set; } = QuarantineEvent.SystemActor;

    /// <summary>The person's reason for a manual action, or the policy's explanation.</summary>
    public string? Comment { get; set; }

    /// <summary>
    /// The id of the event that wrote this entry (e.g. the bounce event id). Unique per address: the
    /// database enforces it with a unique index on (record, event id), so a bounce processed twice
    /// fails the second transaction instead of counting twice.
    /// </summary>
    public string? EventId { get; set; }

    /// <summary>True when this error counted toward the quarantine threshold.</summary>
    public bool Counted { get; set; }
}
