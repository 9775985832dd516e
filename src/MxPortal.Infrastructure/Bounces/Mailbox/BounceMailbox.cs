namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// A return-path mailbox the portal polls for bounce mails, with the state of its poll lease
/// (the database-level guard that keeps two nodes from polling it at once).
/// </summary>
public sealed class BounceMailbox
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public MailProtocol Protocol { get; set; }
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public MailTlsMode Tls { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>The password encrypted with ASP.NET Core Data Protection (<see cref="MailboxPasswordProtector"/>); never plain.</summary>
    public string ProtectedPassword { get; set; } = "";

    /// <summary>IMAP only: processed mails are moved there (created if missing).</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    public bool Enabled { get; set; } = true;
    public int PollIntervalMinutes { get; set; } = 5;
    public int MaxMessagesPerRun { get; set; } = 200;

    /// <summary>Who holds the poll lease (a run id) and until when (UTC); null when free.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }

    public DateTime? LastPollUtc { get; set; }

    /// <summary>What the last poll did, or why it failed, for the settings page.</summary>
    public string? LastPollResult { get; set; }
}
