namespace MxPortal.Infrastructure.Bounces.Mailbox;

public enum MailboxPollOutcome
{
    /// <summary>The session ran to its end.</summary>
    Completed,

    /// <summary>Another run holds the mailbox's lease: nothing done.</summary>
    Busy,

    /// <summary>The mailbox is disabled or no longer exists.</summary>
    Skipped,

    /// <summary>Could not log in (wrong password, server down, undecryptable password): nothing done.</summary>
    Failed,
}
