using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces.Events;

/// <summary>
/// One bounced recipient with its qualification. Kept whatever the quarantine does with it, so the
/// quarantine policy can be (re)applied from these rows.
/// </summary>
public sealed class BounceEvent
{
    public long Id { get; set; }

    /// <summary>Lower-cased.</summary>
    public string Address { get; set; } = "";

    /// <summary>Lower-cased part after the last '@'; empty when the address has none.</summary>
    public string Domain { get; set; } = "";

    public FailureType Type { get; set; }
    public FailureReason Reason { get; set; }
    public ClassificationSource DecidedBy { get; set; }

    /// <summary>The rule name, status code or report kind that decided (<see cref="BounceClassification.Decider"/>).</summary>
    public string Decider { get; set; } = "";

    public string? Status { get; set; }
    public string? DiagnosticText { get; set; }

    /// <summary>MD5 of the normalized diagnostic: the key of its <see cref="Qualification.ErrorQualification"/> row.</summary>
    public string? NormalizedTextMd5 { get; set; }

    public string? VerpToken { get; set; }
    public string? MxPortalId { get; set; }
    public string? OriginalMessageId { get; set; }
    public bool IsComplaint { get; set; }
    public BounceEventSource Source { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The stored bounce mail this came from, raw text included (null for a synchronous reply).</summary>
    public long? ProcessedBounceMailId { get; set; }

    /// <summary>The delivery it answers: the attempt's for a synchronous reply, the correlated one (VERP token or
    /// X-MxPortal-Id) for a bounce mail; null when the bounce could not be tied to one.</summary>
    public long? DeliveryId { get; set; }

    /// <summary>The delivery recipient, with <see cref="DeliveryId"/>.</summary>
    public long? RecipientId { get; set; }
}
