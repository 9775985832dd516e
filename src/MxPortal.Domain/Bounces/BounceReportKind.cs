namespace MxPortal.Domain.Bounces;

/// <summary>What kind of mail a bounce report was read from.</summary>
public enum BounceReportKind
{
    /// <summary>An RFC 3464 delivery status notification (multipart/report; report-type=delivery-status).</summary>
    DeliveryStatus,

    /// <summary>An RFC 5965 ARF feedback report: a complaint.</summary>
    Feedback,

    /// <summary>An auto-reply or vacation notice (RFC 3834): not a delivery failure.</summary>
    AutoReply,

    /// <summary>A non-standard bounce read from its text by heuristics.</summary>
    PlainText,
}
