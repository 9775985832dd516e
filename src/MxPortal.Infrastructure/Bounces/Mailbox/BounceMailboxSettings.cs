namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>What an Administrator enters for a bounce mailbox. On update, a null or empty password keeps the stored one.</summary>
public sealed record BounceMailboxSettings(
    string Name,
    MailProtocol Protocol,
    string Host,
    int Port,
    MailTlsMode Tls,
    string UserName,
    string? Password,
    string ProcessedFolder = "Processed",
    bool Enabled = true,
    int PollIntervalMinutes = 5,
    int MaxMessagesPerRun = 200)
{
    public override string ToString() =>
        $"{Protocol} {UserName}@{Host}:{Port} tls={Tls} folder={ProcessedFolder} enabled={Enabled} every={PollIntervalMinutes}m max={MaxMessagesPerRun}";
}
