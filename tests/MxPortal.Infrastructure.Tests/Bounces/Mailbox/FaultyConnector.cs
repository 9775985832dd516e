using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>
/// Wraps the real MailKit connector to watch or break the session: <see cref="BeforeRemove"/> runs before each
/// removal (to check the commit happened, or to throw as a crash between commit and removal would), and
/// <see cref="ListGate"/> holds the session after login (to overlap two runs).
/// </summary>
internal sealed class FaultyConnector(IBounceMailboxConnector inner) : IBounceMailboxConnector
{
    public Func<string, Task>? BeforeRemove { get; init; }
    public TaskCompletionSource? ListGate { get; init; }
    public TaskCompletionSource Listing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<MailboxConnectResult> ConnectAsync(MailboxEndpoint endpoint, CancellationToken ct)
    {
        var result = await inner.ConnectAsync(endpoint, ct);
        return result.Mailbox is { } mailbox ? MailboxConnectResult.Open(new Session(mailbox, this)) : result;
    }

    private sealed class Session(IBounceMailbox inner, FaultyConnector owner) : IBounceMailbox
    {
        public async Task<MailboxListing> ListAsync(CancellationToken ct)
        {
            owner.Listing.TrySetResult();
            if (owner.ListGate is { } gate) await gate.Task.WaitAsync(ct);
            return await inner.ListAsync(ct);
        }

        public Task<byte[]> FetchAsync(string key, CancellationToken ct) => inner.FetchAsync(key, ct);

        public async Task RemoveAsync(string key, CancellationToken ct)
        {
            if (owner.BeforeRemove is { } before) await before(key);
            await inner.RemoveAsync(key, ct);
        }

        public Task CompleteAsync(CancellationToken ct) => inner.CompleteAsync(ct);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
