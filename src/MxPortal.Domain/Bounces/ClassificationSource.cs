namespace MxPortal.Domain.Bounces;

/// <summary>Which step of DOMAIN.md §5 decided a classification.</summary>
public enum ClassificationSource
{
    /// <summary>A bounce rule matched.</summary>
    Rule,

    /// <summary>The RFC 3463 enhanced status code.</summary>
    StatusCode,

    /// <summary>The basic SMTP reply code (a 4xx deferral, or 556: the domain accepts no mail).</summary>
    ReplyCode,

    /// <summary>The report itself: a delivered DSN, an auto-reply or a feedback-loop complaint.</summary>
    Report,

    /// <summary>Nothing decided: Soft / Not defined, the text needs qualification.</summary>
    Default,
}
