namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>TLS towards the mailbox server. Stored as text: never rename a member.</summary>
public enum MailTlsMode
{
    /// <summary>Plain text (a trusted local network only).</summary>
    None,

    /// <summary>TLS from the first byte (IMAPS 993, POP3S 995).</summary>
    SslOnConnect,

    /// <summary>Plain port upgraded with STARTTLS/STLS; refused if the server does not offer it.</summary>
    StartTls,
}
