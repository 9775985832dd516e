namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>How the return-path mailbox is read. Stored as text: never rename a member.</summary>
public enum MailProtocol
{
    Pop3,
    Imap,
}
