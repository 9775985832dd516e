namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// One mail taken from a bounce mailbox. The unique (mailbox, UIDVALIDITY, key) index is what makes
/// processing exactly-once: a mail refetched after a crash finds its row and is only removed.
/// </summary>
public sealed class ProcessedBounceMail
{
    public long Id { get; set; }
    public int MailboxId { get; set; }

    /// <summary>POP3 UIDL or IMAP UID (as text).</summary>
    public string MessageKey { get; set; } = "";

    /// <summary>IMAP UIDVALIDITY of the folder; 0 for POP3 (dovecot's UIDL already includes it).</summary>
    public long UidValidity { get; set; }

    public string? MessageId { get; set; }
    public DateTime? ReceivedUtc { get; set; }
    public DateTime ProcessedUtc { get; set; }
    public ProcessedMailOutcome Outcome { get; set; }

    /// <summary>The raw mail of a recorded bounce, so an event can be re-read; unparsed mails keep theirs in <see cref="UnparsedBounceMail"/>.</summary>
    public byte[]? RawMail { get; set; }
}
