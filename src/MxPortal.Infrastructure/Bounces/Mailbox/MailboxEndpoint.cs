namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>Where and how to reach a mailbox, with the password in clear (only ever in memory).</summary>
public sealed record MailboxEndpoint(
    MailProtocol Protocol,
    string Host,
    int Port,
    MailTlsMode Tls,
    string UserName,
    string Password,
    string ProcessedFolder = "Processed")
{
    /// <summary>Keeps the password out of logs and exception messages.</summary>
    public override string ToString() => $"{Protocol} {UserName}@{Host}:{Port} ({Tls})";
}
