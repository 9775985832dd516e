namespace MxPortal.Infrastructure.Telemetry;

/// <summary>Tag keys of the "MxPortal" meter (docs/operations-metrics.md lists which instrument carries which).</summary>
public static class MetricTags
{
    /// <summary>sent, deferred, failed or postponed.</summary>
    public const string Status = "mxportal.attempt.status";

    /// <summary>hard, soft or ignored.</summary>
    public const string FailureType = "mxportal.bounce.type";

    /// <summary>The failure reason in snake case: user_unknown, mailbox_full, refused…</summary>
    public const string Reason = "mxportal.bounce.reason";

    /// <summary>What decided the qualification: rule, status_code, reply_code, report or default.</summary>
    public const string Source = "mxportal.bounce.source";

    /// <summary>sync (an SMTP reply during sending) or async (a bounce mail).</summary>
    public const string Origin = "mxportal.bounce.origin";

    /// <summary>The mask of the MX rule whose budget applied (e.g. <c>*.google.com</c>, <c>*</c>).</summary>
    public const string MxRule = "mxportal.mx.rule";

    /// <summary>opened or failed.</summary>
    public const string ConnectionResult = "mxportal.smtp.connection.result";

    /// <summary>connect, greeting, helo or tls (where a connection failed).</summary>
    public const string Stage = "mxportal.smtp.stage";

    /// <summary>The name of the back-off rule that matched the reply.</summary>
    public const string BackoffRule = "mxportal.backoff.rule";

    /// <summary>recorded, duplicate or unparsed (<c>ProcessedMailOutcome</c>).</summary>
    public const string MailResult = "mxportal.bounce.mail.result";

    /// <summary>The address's new status: valid, with_errors, quarantine, denylisted or allowlisted.</summary>
    public const string QuarantineStatus = "mxportal.quarantine.status";

    /// <summary>The address's status before the change (same values).</summary>
    public const string PreviousStatus = "mxportal.quarantine.previous_status";
}
