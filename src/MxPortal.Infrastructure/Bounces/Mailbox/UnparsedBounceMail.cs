namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>A mail from a bounce mailbox that could not be read as a bounce: kept raw, never dropped.</summary>
public sealed class UnparsedBounceMail
{
    public long Id { get; set; }
    public long ProcessedBounceMailId { get; set; }
    public int MailboxId { get; set; }
    public string? MessageId { get; set; }
    public string? Subject { get; set; }
    public byte[] RawMail { get; set; } = [];
    public string Error { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
