using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// Polls one bounce mailbox (DOMAIN.md §6): up to MaxMessagesPerRun new mails, each recorded in its own
/// transaction and removed from the mailbox only after that commit. Safe to run twice: a mail already
/// recorded (same UID/UIDL, or same Message-ID) is only removed. See docs/bounce-mailbox.md.
/// </summary>
public sealed class BounceMailboxPollJob(
    IDbContextFactory<AppDbContext> contexts,
    IBounceMailboxConnector connector,
    MailboxPasswordProtector passwords,
    MailboxPollLease lease,
    BounceMailRecorder recorder,
    ILogger<BounceMailboxPollJob> logger)
{
    // Note: Hangfire's lock covers one storage; the lease covers nodes that do not share it. The next
    // scheduled poll is the retry, so a failed run is not retried on top of it.
    [DisableConcurrentExecution("bounce-mailbox:{0}", 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task<MailboxPollResult> RunAsync(int mailboxId, CancellationToken ct)
    {
        BounceMailbox? settings;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            settings = await db.BounceMailboxes.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mailboxId, ct);
        if (settings is not { Enabled: true }) return new MailboxPollResult(MailboxPollOutcome.Skipped);

        var owner = Guid.NewGuid().ToString("N");
        if (!await lease.TryAcquireAsync(mailboxId, owner, ct))
        {
            logger.LogInformation("Bounce mailbox {Mailbox} is being polled by another run", settings.Name);
            return new MailboxPollResult(MailboxPollOutcome.Busy);
        }

        var result = new MailboxPollResult(MailboxPollOutcome.Failed, Error: "interrupted");
        try
        {
            result = await PollAsync(settings, owner, ct);
            return result;
        }
        finally
        {
            await lease.ReleaseAsync(mailboxId, owner, result.ToString());
        }
    }

    private async Task<MailboxPollResult> PollAsync(BounceMailbox settings, string owner, CancellationToken ct)
    {
        if (passwords.Endpoint(settings) is not { } endpoint)
            return Failed(settings, "the stored password cannot be decrypted (Data Protection keys lost?): enter it again");
        var connection = await connector.ConnectAsync(endpoint, ct);
        if (connection.Mailbox is not { } mailbox) return Failed(settings, connection.Error!);

        await using (mailbox)
        {
            var listing = await mailbox.ListAsync(ct);
            var done = await RecordedKeysAsync(settings.Id, listing, ct);
            int recorded = 0, unparsed = 0, duplicates = 0, already = 0;
            foreach (var key in listing.Keys)
            {
                if (done.Contains(key))
                {
                    // Committed by a run that stopped before removing it: remove it now, never record it again.
                    await mailbox.RemoveAsync(key, ct);
                    already++;
                    continue;
                }

                if (recorded + unparsed + duplicates >= settings.MaxMessagesPerRun) break;
                if (!await lease.TryAcquireAsync(settings.Id, owner, ct))
                    throw new InvalidOperationException($"Bounce mailbox {settings.Name}: the poll lease was lost.");
                var raw = await mailbox.FetchAsync(key, ct);
                var outcome = await recorder.RecordAsync(settings.Id, listing.UidValidity, key, raw, ct);
                await mailbox.RemoveAsync(key, ct);
                if (outcome == ProcessedMailOutcome.Recorded) recorded++;
                else if (outcome == ProcessedMailOutcome.Unparsed) unparsed++;
                else duplicates++;
            }

            await mailbox.CompleteAsync(ct);
            var result = new MailboxPollResult(MailboxPollOutcome.Completed, recorded, unparsed, duplicates, already);
            logger.LogInformation("Bounce mailbox {Mailbox}: {Result}", settings.Name, result);
            return result;
        }
    }

    private async Task<HashSet<string>> RecordedKeysAsync(int mailboxId, MailboxListing listing, CancellationToken ct)
    {
        var keys = listing.Keys.ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var done = await db.ProcessedBounceMails
            .Where(p => p.MailboxId == mailboxId && p.UidValidity == listing.UidValidity && keys.Contains(p.MessageKey))
            .Select(p => p.MessageKey).ToListAsync(ct);
        return done.ToHashSet(StringComparer.Ordinal);
    }

    private MailboxPollResult Failed(BounceMailbox settings, string error)
    {
        logger.LogWarning("Bounce mailbox {Mailbox} not polled: {Error}", settings.Name, error);
        return new MailboxPollResult(MailboxPollOutcome.Failed, Error: error);
    }
}
