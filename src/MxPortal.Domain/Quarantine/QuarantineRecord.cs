using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Quarantine;

/// <summary>
/// The quarantine state of one address (DOMAIN.md §7). Plain properties so it can be stored as is;
/// only <see cref="QuarantinePolicy"/> changes them.
/// </summary>
public sealed class QuarantineRecord
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Normalized by <see cref="QuarantineAddress"/>: trimmed and lower-cased; unique.</summary>
    public string Address { get; set; } = "";

    /// <summary>The domain part of <see cref="Address"/>.</summary>
    public string Domain { get; set; } = "";

    public AddressStatus Status { get; set; }

    /// <summary>When the current status began; null for a record that has always been Valid.</summary>
    public DateTime? StatusSinceUtc { get; set; }

    /// <summary>
    /// Why the address has its status: the error that last counted or changed the status, a complaint
    /// (Soft / Refused) or a manual quarantine's reason. Null when Valid or Allowlisted.
    /// </summary>
    public FailureType? Type { get; set; }

    public FailureReason? Reason { get; set; }

    /// <summary>Counted errors since the address was last Valid (errors inside the significant-error delay do not count).</summary>
    public int ErrorCount { get; set; }

    public DateTime? FirstErrorUtc { get; set; }

    /// <summary>The last error of any kind, counted or not.</summary>
    public DateTime? LastErrorUtc { get; set; }

    /// <summary>The significant-error delay and the With errors reset run from this date.</summary>
    public DateTime? LastCountedErrorUtc { get; set; }

    public string? LastErrorText { get; set; }

    /// <summary>The delivery whose error or complaint gave the current status.</summary>
    public long? DeliveryId { get; set; }

    /// <summary>Oldest first.</summary>
    public List<QuarantineHistoryEntry> History { get; set; } = [];

    /// <exception cref="DomainException">Not an address; validate user input with <see cref="QuarantineAddress.TryNormalize"/>.</exception>
    public static QuarantineRecord Create(string address)
    {
        var normalized = QuarantineAddress.Normalize(address);
        return new QuarantineRecord { Address = normalized, Domain = QuarantineAddress.DomainOf(normalized) };
    }

    public bool HasApplied(string eventId) =>
        History.Exists(h => string.Equals(h.EventId, eventId, StringComparison.Ordinal));
}
