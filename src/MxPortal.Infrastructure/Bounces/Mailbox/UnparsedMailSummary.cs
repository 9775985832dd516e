namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>One mail of the unparsed list, without its raw bytes.</summary>
public sealed record UnparsedMailSummary(long Id, int MailboxId, string? MailboxName, string? MessageId, string? Subject, string Error, DateTime AtUtc, int Size);
