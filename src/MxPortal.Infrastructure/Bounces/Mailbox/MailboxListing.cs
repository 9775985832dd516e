namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>The mails in a mailbox, oldest first: POP3 UIDLs (validity 0) or IMAP UIDs of the inbox and its UIDVALIDITY.</summary>
public sealed record MailboxListing(long UidValidity, IReadOnlyList<string> Keys);
