namespace MxPortal.TestSupport.Mail;

/// <summary>
/// How a <see cref="ScriptedSmtpServer"/> answers. Replies are full lines without CRLF, e.g. "550 5.1.1 User unknown".
/// The recipient reply is chosen per address, so one server can accept some recipients and refuse others.
/// </summary>
public sealed class SmtpScript
{
    public string Greeting { get; init; } = "220 mx.test ESMTP scripted";

    /// <summary>Extensions announced after EHLO (PIPELINING makes MailKit pipeline MAIL/RCPT/DATA).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = ["PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "SIZE 52428800"];

    /// <summary>Reply to RCPT TO for an address; null means 250.</summary>
    public Func<string, string?> RecipientReply { get; init; } = _ => null;

    /// <summary>Reply after the message content; null means "250 2.0.0 Ok: queued".</summary>
    public Func<string, string?> DataReply { get; init; } = _ => null;

    /// <summary>Delay before every reply (a slow server).</summary>
    public TimeSpan ReplyDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Close the connection without a reply after this many accepted messages (a dropped connection).</summary>
    public int? DropAfterMessages { get; init; }

    /// <summary>STARTTLS: not offered (default), offered with a real handshake, refused, or a handshake that fails.</summary>
    public ScriptedStartTls StartTls { get; init; } = ScriptedStartTls.NotOffered;

    /// <summary>Reply to STARTTLS when <see cref="StartTls"/> is <see cref="ScriptedStartTls.Refused"/>.</summary>
    public string TlsRefusal { get; init; } = "454 4.7.0 TLS not available";
}
