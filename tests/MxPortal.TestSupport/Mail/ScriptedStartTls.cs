namespace MxPortal.TestSupport.Mail;

/// <summary>What a <see cref="ScriptedSmtpServer"/> does about STARTTLS (RFC 3207).</summary>
public enum ScriptedStartTls
{
    /// <summary>Not announced; the command is unknown.</summary>
    NotOffered,

    /// <summary>Announced; "220", a real TLS handshake with the server's self-signed certificate, then SMTP over TLS.</summary>
    Offered,

    /// <summary>Announced, then refused with <see cref="SmtpScript.TlsRefusal"/>; the session goes on in plain text.</summary>
    Refused,

    /// <summary>Announced; "220", then bytes that are not TLS and the connection is closed (a broken TLS stack).</summary>
    BrokenHandshake,

    /// <summary>Announced; the handshake succeeds, then the server closes the connection at the EHLO over TLS.</summary>
    ClosesAfterHandshake,

    /// <summary>Announced; "220", then no answer to the client's handshake until the server stops.</summary>
    StallsHandshake,
}
