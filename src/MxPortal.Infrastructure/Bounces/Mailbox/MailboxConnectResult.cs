namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>An open mailbox session, or why none could be opened (wrong password, no answer, TLS refused…).</summary>
public sealed record MailboxConnectResult(IBounceMailbox? Mailbox, string? Error)
{
    public static MailboxConnectResult Open(IBounceMailbox mailbox) => new(mailbox, null);

    public static MailboxConnectResult Fail(string error) => new(null, error);
}
