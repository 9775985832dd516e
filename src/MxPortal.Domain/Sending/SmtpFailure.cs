namespace MxPortal.Domain.Sending;

/// <summary>
/// A failed SMTP step: the stage and the server's reply as received (e.g. "550 5.1.1 User unknown"), or a
/// description of what went wrong on the wire ("connection refused", "timeout after 10s") when nothing was received.
/// </summary>
public sealed record SmtpFailure(SmtpStage Stage, int ReplyCode, string Text)
{
    /// <summary>True when the whole connection is unusable (not just this recipient or message).</summary>
    public bool BreaksConnection => Stage is SmtpStage.Connect or SmtpStage.Greeting or SmtpStage.Helo or SmtpStage.Tls || ReplyCode is 421 or 0;

    /// <summary>Connect failures, timeouts and 4xx greetings send the message to the next (backup) MX (DOMAIN.md §4).</summary>
    public bool TriesBackupMx => Stage is SmtpStage.Connect or SmtpStage.Greeting or SmtpStage.Helo || (Stage == SmtpStage.Tls && ReplyCode == 0);

    public override string ToString() => ReplyCode > 0 && !Text.StartsWith(ReplyCode.ToString(), StringComparison.Ordinal)
        ? $"{ReplyCode} {Text}" : Text;
}
