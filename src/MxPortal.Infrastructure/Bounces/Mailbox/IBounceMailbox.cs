namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// An open, authenticated session on a bounce mailbox (the I/O seam of the poll job).
/// Removal is a promise made only after the mail's result is committed: POP3 deletes at QUIT
/// (<see cref="CompleteAsync"/>), IMAP moves the mail to the processed folder at once.
/// </summary>
public interface IBounceMailbox : IAsyncDisposable
{
    Task<MailboxListing> ListAsync(CancellationToken ct);

    /// <summary>The raw RFC 5322 bytes of one mail.</summary>
    Task<byte[]> FetchAsync(string key, CancellationToken ct);

    Task RemoveAsync(string key, CancellationToken ct);

    /// <summary>Ends the session cleanly (POP3 QUIT applies the deletions). Disposing without it discards them.</summary>
    Task CompleteAsync(CancellationToken ct);
}
