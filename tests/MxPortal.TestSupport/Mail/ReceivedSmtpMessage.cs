namespace MxPortal.TestSupport.Mail;

/// <summary>
/// A message a scripted server accepted: envelope, raw content and the connection it came on; <paramref name="OverTls"/>
/// when it came after a STARTTLS handshake, with the server name the client sent in it (SNI; "" when none).
/// </summary>
public sealed record ReceivedSmtpMessage(string MailFrom, IReadOnlyList<string> Recipients, string Content, string Helo, int ConnectionNumber = 0, string ClientAddress = "",
    bool OverTls = false, string? TlsServerName = null);
