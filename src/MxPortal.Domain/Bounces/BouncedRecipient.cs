namespace MxPortal.Domain.Bounces;

/// <summary>
/// One recipient of a bounce report, as read from the mail.
/// </summary>
/// <param name="Address">the bounced address (lower-case is not forced: local parts may be case-sensitive)</param>
/// <param name="Action">the DSN action (failed, delayed, delivered, relayed, expanded), null when not a DSN</param>
/// <param name="Status">the DSN status field or the status found in the text, as written</param>
/// <param name="DiagnosticCode">the DSN diagnostic code or the error text found for this recipient</param>
/// <param name="RemoteMta">the remote MTA that answered, when known</param>
/// <param name="Detail">further text about this recipient (the human-readable part), used when the diagnostic says too little</param>
/// <param name="SmtpCommand">the SMTP command the error answered (RCPT, DATA, MAIL, CONN), when the text says</param>
/// <param name="FeedbackType">the ARF feedback type (abuse, fraud, …) for a complaint</param>
public sealed record BouncedRecipient(
    string Address,
    string? Action,
    string? Status,
    string? DiagnosticCode,
    string? RemoteMta = null,
    string? Detail = null,
    string? SmtpCommand = null,
    string? FeedbackType = null)
{
    /// <summary>A delivered, relayed or expanded DSN recipient: the message got through.</summary>
    public bool IsSuccess => Action is not null
        && (Action.StartsWith("deliver", StringComparison.OrdinalIgnoreCase)
            || Action.StartsWith("relay", StringComparison.OrdinalIgnoreCase)
            || Action.StartsWith("expand", StringComparison.OrdinalIgnoreCase));

    /// <summary>A complaint: the address is to be denylisted (DOMAIN.md §6).</summary>
    public bool IsComplaint => FeedbackType is not null;
}
