namespace MxPortal.Domain.Sending;

/// <summary>Where one recipient of a delivery stands. Sent, Failed and Skipped are final.</summary>
public enum RecipientState
{
    /// <summary>Not attempted yet.</summary>
    Pending = 0,

    /// <summary>Claimed by an engine run under a lease; back to claimable when the lease expires (crash recovery).</summary>
    InFlight = 1,

    /// <summary>Soft or Ignored failure; tried again at its next attempt time.</summary>
    Deferred = 2,

    Sent = 3,
    Failed = 4,

    /// <summary>Never sent: quarantined, denylisted or a duplicate (Double).</summary>
    Skipped = 5,

    /// <summary>Never sent: the delivery was cancelled before its turn came.</summary>
    Cancelled = 6,
}
