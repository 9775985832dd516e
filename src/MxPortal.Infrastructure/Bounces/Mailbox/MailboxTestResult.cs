namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>"Test connection": the mailbox answered and accepted the login, with its message count, or why not.</summary>
public sealed record MailboxTestResult(bool Succeeded, int MessageCount, string? Error);
