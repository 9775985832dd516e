using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Dashboard;
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

    /// <summary>Applies a batch of outcomes: recipient states, the delivery log, the delivery's counters, a bounce
    /// event per failed attempt, the day counters and the recipients' quarantine effects, atomically. A batch that lost
    /// a race for a quarantine record is recorded again whole (<see cref="ConflictRetry"/>).</summary>
    public Task RecordAsync(long deliveryId, IReadOnlyList<AttemptRecord> records, CancellationToken ct = default) =>
        records.Count == 0 ? Task.CompletedTask : ConflictRetry.RunAsync(c => RecordOnceAsync(deliveryId, records, c), ct);

    private async Task RecordOnceAsync(long deliveryId, IReadOnlyList<AttemptRecord> records, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stats = new DailyStats();
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
            var domain = DomainOf(recipient);
            stats.Attempt(record.AtUtc, domain, record.Outcome.Status == AttemptStatus.Sent);
            if (q is { } failure)
            {
                db.BounceEvents.Add(await BounceOfAsync(db, record, recipient, failure, domain, ct));
                stats.Bounce(record.AtUtc, domain, failure.Type, failure.Reason, complaint: false);
            }
            if (QuarantineEventOf(record, recipient) is { } evt) events.Add(new AddressEvent(recipient.Address, evt));
        }
        await quarantine.ApplyAsync(db, events, ct);
        await db.SaveChangesAsync(ct);
        await stats.SaveAsync(db, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The synchronous bounce: the reply of the session, for the bounce log and the qualification table.</summary>
    private static async Task<BounceEvent> BounceOfAsync(AppDbContext db, AttemptRecord record, DeliveryRecipient recipient,
        BounceClassification q, string domain, CancellationToken ct) => new()
    {
        Address = Clip(recipient.AddressKey.Length > 0 ? recipient.AddressKey : recipient.Address.ToLowerInvariant(), 320),
        Domain = domain, Type = q.Type, Reason = q.Reason, DecidedBy = q.Source, Decider = Clip(q.Decider, 200),
        Status = q.Status?.ToString(), DiagnosticText = record.Outcome.Reply,
        NormalizedTextMd5 = await QualificationCounter.CountAsync(db, record.Outcome.Reply, q, record.AtUtc, ct),
        Source = BounceEventSource.Sync, AtUtc = record.AtUtc, DeliveryId = recipient.DeliveryId, RecipientId = recipient.Id,
    };

    private static string DomainOf(DeliveryRecipient r) =>
        Clip((r.Domain.Length > 0 ? r.Domain : QuarantineAddress.DomainOf(r.AddressKey)).ToLowerInvariant(), 255);

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
            { Qualification: { DeferralDowngrade: true } q } =>
                QuarantineEvent.ReputationDeferral(id, q.Type, q.Reason, record.Outcome.Reply, recipient.DeliveryId),
            { Qualification: { } q } => QuarantineEvent.Error(id, q.Type, q.Reason, record.Outcome.Reply, recipient.DeliveryId),
            _ => null,
        };
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string Clip(string text, int max = 2000) => text.Length <= max ? text : text[..max];
}
