using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// The recipient state machine in the database. A run claims recipients under a lease (a conditional UPDATE, so two
/// nodes never claim the same row), sends them, and records every outcome with its log row in one transaction.
/// A process killed mid-run leaves its claimed rows InFlight; when the lease expires they are claimed again, so at most
/// one batch is sent twice and nothing is lost.
/// </summary>
public sealed class DeliveryStore(IDbContextFactory<AppDbContext> contexts, QuarantineApplier quarantine, TimeProvider time)
{
    /// <summary>Claims up to <paramref name="size"/> recipients that are due, for <paramref name="lease"/>.</summary>
    public async Task<IReadOnlyList<DeliveryRecipient>> ClaimAsync(long deliveryId, int size, TimeSpan lease, string owner, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = Now;
        var candidates = await Due(db.DeliveryRecipients, deliveryId, now).OrderBy(r => r.Id).Select(r => r.Id).Take(size).ToListAsync(ct);
        if (candidates.Count == 0) return [];
        var until = now + lease;
        // Note: the WHERE repeats the due condition, so a row another node claimed in between is not taken twice.
        await Due(db.DeliveryRecipients, deliveryId, now).Where(r => candidates.Contains(r.Id))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, RecipientState.InFlight)
                .SetProperty(r => r.LeaseUntilUtc, until)
                .SetProperty(r => r.LeaseOwner, owner), ct);
        return await db.DeliveryRecipients.AsNoTracking()
            .Where(r => candidates.Contains(r.Id) && r.LeaseOwner == owner && r.State == RecipientState.InFlight && r.LeaseUntilUtc == until)
            .OrderBy(r => r.Id).ToListAsync(ct);
    }

    /// <summary>Applies a batch of outcomes: recipient states, the delivery log, the delivery's counters and the
    /// recipients' quarantine effects, atomically.</summary>
    public async Task RecordAsync(long deliveryId, IReadOnlyList<AttemptRecord> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == deliveryId, ct);
        var ids = records.Select(r => r.Message.RecipientId).ToList();
        var recipients = await db.DeliveryRecipients.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var policy = delivery.RetryPolicy;
        var events = new List<AddressEvent>();
        foreach (var record in records)
        {
            if (!recipients.TryGetValue(record.Message.RecipientId, out var recipient)) continue;
            if (record.Outcome.Status == AttemptStatus.Postponed)
            {
                // Not an attempt: the budget was closed. Due again when it opens; no retry is used up.
                recipient.State = RecipientState.Deferred;
                recipient.NextAttemptUtc = record.Outcome.NotBeforeUtc ?? record.AtUtc;
                recipient.LeaseUntilUtc = null;
                recipient.LeaseOwner = null;
                continue;
            }
            var q = record.Outcome.Qualification;
            recipient.Attempts++;
            recipient.LastAttemptUtc = record.AtUtc;
            recipient.LastReply = Clip(record.Outcome.Reply);
            recipient.FailureType = q?.Type;
            recipient.FailureReason = q?.Reason;
            recipient.LeaseUntilUtc = null;
            recipient.LeaseOwner = null;
            recipient.NextAttemptUtc = null;
            switch (record.Outcome.Status)
            {
                case AttemptStatus.Sent:
                    recipient.State = RecipientState.Sent;
                    delivery.SentCount++;
                    break;
                case AttemptStatus.Deferred when policy.NextAttempt(delivery.StartedUtc ?? record.AtUtc, record.AtUtc, recipient.Attempts - 1) is { } next:
                    recipient.State = RecipientState.Deferred;
                    recipient.NextAttemptUtc = next;
                    break;
                default:
                    // Hard, or Soft with no retry left within the validity period: final.
                    recipient.State = RecipientState.Failed;
                    delivery.FailedCount++;
                    break;
            }
            db.DeliveryAttempts.Add(new DeliveryAttempt
            {
                DeliveryId = deliveryId,
                RecipientId = recipient.Id,
                AtUtc = record.AtUtc,
                Status = record.Outcome.Status,
                Reply = Clip(record.Outcome.Reply),
                MxHost = record.MxHost,
                MxAddress = record.Address?.ToString(),
                IdentityId = record.IdentityId,
                FailureType = q?.Type,
                FailureReason = q?.Reason,
                DecidedBy = q is { } c ? Clip(c.Decider, 200) : null,
            });
            if (QuarantineEventOf(record, recipient) is { } evt) events.Add(new AddressEvent(recipient.Address, evt));
        }
        await quarantine.ApplyAsync(db, events, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>When the next recipient of the delivery is due, or null when none is left to send.</summary>
    public async Task<DateTime?> NextDueAsync(long deliveryId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var open = db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId);
        if (await open.AnyAsync(r => r.State == RecipientState.Pending, ct)) return Now;
        var deferred = await open.Where(r => r.State == RecipientState.Deferred).MinAsync(r => r.NextAttemptUtc, ct);
        var leased = await open.Where(r => r.State == RecipientState.InFlight).MinAsync(r => r.LeaseUntilUtc, ct);
        return new[] { deferred, leased }.Where(d => d is not null).DefaultIfEmpty(null).Min();
    }

    private static IQueryable<DeliveryRecipient> Due(IQueryable<DeliveryRecipient> q, long deliveryId, DateTime now) =>
        q.Where(r => r.DeliveryId == deliveryId && (r.State == RecipientState.Pending
            || (r.State == RecipientState.Deferred && r.NextAttemptUtc <= now)
            || (r.State == RecipientState.InFlight && r.LeaseUntilUtc < now)));

    // Note: the attempt number makes the id stable, so a batch recorded again after a crash counts once.
    private static QuarantineEvent? QuarantineEventOf(AttemptRecord record, DeliveryRecipient recipient)
    {
        var id = $"attempt:{recipient.Id}:{recipient.Attempts}";
        return record.Outcome switch
        {
            { Status: AttemptStatus.Sent } => QuarantineEvent.Delivered(id, recipient.DeliveryId),
            { Qualification: { } q } => QuarantineEvent.Error(id, q.Type, q.Reason, record.Outcome.Reply, recipient.DeliveryId),
            _ => null,
        };
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string Clip(string text, int max = 2000) => text.Length <= max ? text : text[..max];
}
