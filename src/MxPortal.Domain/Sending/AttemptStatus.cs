namespace MxPortal.Domain.Sending;

/// <summary>How one delivery attempt to one recipient ended.</summary>
public enum AttemptStatus
{
    /// <summary>The MX host accepted the message.</summary>
    Sent,

    /// <summary>A Soft or Ignored failure: retried within the delivery's validity period.</summary>
    Deferred,

    /// <summary>A Hard failure: never retried.</summary>
    Failed,
}
