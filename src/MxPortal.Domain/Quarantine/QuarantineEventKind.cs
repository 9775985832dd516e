namespace MxPortal.Domain.Quarantine;

/// <summary>What happened to an address, as written in its history.</summary>
public enum QuarantineEventKind
{
    /// <summary>A failed delivery, synchronous (SMTP reply) or asynchronous (bounce mail).</summary>
    Error,

    /// <summary>A feedback-loop complaint.</summary>
    Complaint,

    /// <summary>A successful delivery.</summary>
    Delivered,

    /// <summary>A person released the address (back to Valid).</summary>
    Release,

    /// <summary>A person quarantined the address (also the CSV import of known-bad addresses).</summary>
    Quarantine,

    /// <summary>A person denylisted the address.</summary>
    Denylist,

    /// <summary>A person allowlisted the address.</summary>
    Allowlist,

    /// <summary>The daily clean-up released the address.</summary>
    CleanUp,
}
