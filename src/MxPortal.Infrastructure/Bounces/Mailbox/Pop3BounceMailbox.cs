using MailKit.Net.Pop3;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>A POP3 session. Message indexes are resolved from UIDLs on every call: they shift after nothing in a
/// session (deletions apply at QUIT), but a key is what the job stores.</summary>
internal sealed class Pop3BounceMailbox(Pop3Client client) : IBounceMailbox
{
    private IList<string>? _uids;

    public async Task<MailboxListing> ListAsync(CancellationToken ct)
    {
        _uids = await client.GetMessageUidsAsync(ct);
        return new MailboxListing(0, [.. _uids]);
    }

    public async Task<byte[]> FetchAsync(string key, CancellationToken ct)
    {
        using var stream = await client.GetStreamAsync(await IndexOfAsync(key, ct), false, ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    public async Task RemoveAsync(string key, CancellationToken ct) =>
        await client.DeleteMessageAsync(await IndexOfAsync(key, ct), ct);

    public Task CompleteAsync(CancellationToken ct) => client.DisconnectAsync(quit: true, ct);

    public ValueTask DisposeAsync()
    {
        // Note: closing without QUIT makes the server discard the deletions (RFC 1939 §6).
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<int> IndexOfAsync(string key, CancellationToken ct)
    {
        _uids ??= await client.GetMessageUidsAsync(ct);
        var index = _uids.IndexOf(key);
        return index >= 0 ? index : throw new InvalidOperationException($"POP3 message {key} is not in the mailbox.");
    }
}
