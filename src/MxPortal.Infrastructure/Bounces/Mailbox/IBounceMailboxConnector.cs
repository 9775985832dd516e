namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>Opens sessions on bounce mailboxes; an unreachable server or a refused login is a value, not an exception.</summary>
public interface IBounceMailboxConnector
{
    Task<MailboxConnectResult> ConnectAsync(MailboxEndpoint endpoint, CancellationToken ct);
}
