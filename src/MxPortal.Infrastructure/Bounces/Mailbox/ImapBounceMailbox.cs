using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>An IMAP session on the inbox; processed mails are moved to a folder created on first need.</summary>
internal sealed class ImapBounceMailbox(ImapClient client, string processedFolder) : IBounceMailbox
{
    private IMailFolder? _processed;

    public async Task<MailboxListing> ListAsync(CancellationToken ct)
    {
        if (!client.Inbox.IsOpen) await client.Inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var uids = await client.Inbox.SearchAsync(SearchQuery.All, ct);
        return new MailboxListing(client.Inbox.UidValidity, uids.OrderBy(u => u.Id).Select(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
    }

    public async Task<byte[]> FetchAsync(string key, CancellationToken ct)
    {
        using var stream = await client.Inbox.GetStreamAsync(Uid(key), "", ct);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }

    public async Task RemoveAsync(string key, CancellationToken ct)
    {
        _processed ??= await ProcessedFolderAsync(ct);
        await client.Inbox.MoveToAsync(Uid(key), _processed, ct);
    }

    public Task CompleteAsync(CancellationToken ct) => client.DisconnectAsync(quit: true, ct);

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<IMailFolder> ProcessedFolderAsync(CancellationToken ct)
    {
        var root = await client.GetFolderAsync(client.PersonalNamespaces[0].Path, ct);
        try
        {
            if (await root.GetSubfolderAsync(processedFolder, ct) is { } existing) return existing;
        }
        catch (FolderNotFoundException)
        {
            // Note: first run on this mailbox; created below.
        }

        return await root.CreateAsync(processedFolder, isMessageFolder: true, ct)
            ?? throw new InvalidOperationException($"IMAP server did not create folder {processedFolder}.");
    }

    private static UniqueId Uid(string key) => new(uint.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
}
