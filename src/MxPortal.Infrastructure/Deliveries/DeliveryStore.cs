using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Dashboard;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Sending;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// The recipient state machine in the database. A run claims recipients under a lease (a conditional UPDATE, so two
/// nodes never claim the same row), sends them, and records every outcome with its log row in one transaction.
/// A process killed mid-run leaves its claimed rows InFlight; when the lease expires they are claimed again, so at most
/// one batch is sent twice and nothing is lost.
/// </summary>
public sealed class DeliveryStore(IDbContextFactory<AppDbContext> contexts, QuarantineApplier quarantine, TimeProvider time, MxPortalMetrics metrics)
{
    /// <summary>
    /// Claims up to <paramref name="size"/> recipients that are due, for <paramref name="lease"/>, and screens them:
    /// those whose address became Quarantine or Denylisted, or suppressed, since the start are marked Skipped (with the
    /// delivery's skipped count) instead of being returned (<see cref="ClaimScreen"/>). Empty only when nothing is due.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryRecipient>> ClaimAsync(long deliveryId, int size, TimeSpan lease, string owner, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        while (true)
        {
            var claimed = await ClaimOnceAsync(db, deliveryId, size, lease, owner, ct);
            if (claimed.Count == 0) return claimed;
            var skips = await ClaimScreen.SkipsAsync(db, claimed, ct);
            if (skips.Count == 0) return claimed;
            await ClaimScreen.SkipAsync(db, deliveryId, owner, skips, ct);
            var kept = claimed.Where(r => !skips.ContainsKey(r.Id)).ToList();
            // Note: a batch skipped whole is not the end of the delivery; claim the next one.
            if (kept.Count > 0) return kept;
        }
    }

    private async Task<List<DeliveryRecipient>> ClaimOnceAsync(AppDbContext db, long deliveryId, int size, TimeSpan lease, string owner, CancellationToken ct)
    {
        var now = Now;
        var candidates = await CandidatesAsync(db, deliveryId, now, size, ct);
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

    /// <summary>
    /// Up to <paramref name="size"/> due recipients: expired leases first (a killed run's), then due retries, then
    /// pending ones. One query per state, each walking the (delivery, state, next attempt) index in its order and
    /// stopping at the limit: a single query with the three conditions OR-ed reads and sorts every row of the delivery
    /// at each claim, which a 1,000,000-recipient delivery cannot afford.
    /// </summary>
    private static async Task<List<long>> CandidatesAsync(AppDbContext db, long deliveryId, DateTime now, int size, CancellationToken ct)
    {
        var rows = db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId);
        var ids = await rows.Where(r => r.State == RecipientState.InFlight && r.LeaseUntilUtc < now)
            .OrderBy(r => r.Id).Select(r => r.Id).Take(size).ToListAsync(ct);
        if (ids.Count < size)
            ids.AddRange(await rows.Where(r => r.State == RecipientState.Deferred && r.NextAttemptUtc <= now)
                .OrderBy(r => r.NextAttemptUtc).ThenBy(r => r.Id).Select(r => r.Id).Take(size - ids.Count).ToListAsync(ct));
        if (ids.Count < size)
            ids.AddRange(await rows.Where(r => r.State == RecipientState.Pending)
                .OrderBy(r => r.NextAttemptUtc).ThenBy(r => r.Id).Select(r => r.Id).Take(size - ids.Count).ToListAsync(ct));
        return ids;
    }

    /// <summary>
    /// Applies a batch of outcomes: recipient states, the delivery log, the delivery's counters, a bounce event per
    /// failed attempt, the day counters and the recipients' quarantine effects, atomically (one transaction). Rows are
    /// written with plain parameterized statements, not change tracking: this runs for every message sent. Counters are
    /// incremented in SQL, so nodes never overwrite each other's counts. A batch that lost a race for a quarantine
    /// record is recorded again whole (<see cref="ConflictRetry"/>).
    /// </summary>
    public Task RecordAsync(long deliveryId, IReadOnlyList<AttemptRecord> records, CancellationToken ct = default) =>
        records.Count == 0 ? Task.CompletedTask : ConflictRetry.RunAsync(c => RecordOnceAsync(deliveryId, records, c), ct);

    private async Task RecordOnceAsync(long deliveryId, IReadOnlyList<AttemptRecord> records, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var delivery = await db.Deliveries.AsNoTracking().Where(d => d.Id == deliveryId)
            .Select(d => new { d.StartedUtc, d.RetryPeriodMinutes, d.MaxRetries, d.ValidityMinutes }).SingleAsync(ct);
        var policy = new RetryPolicy(TimeSpan.FromMinutes(delivery.RetryPeriodMinutes), delivery.MaxRetries, TimeSpan.FromMinutes(delivery.ValidityMinutes));
        var ids = records.Select(r => r.Message.RecipientId).Distinct().ToList();
        var recipients = await db.DeliveryRecipients.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new DeliveryRecipient { Id = r.Id, DeliveryId = r.DeliveryId, Address = r.Address, AddressKey = r.AddressKey, Domain = r.Domain, Attempts = r.Attempts })
            .ToDictionaryAsync(r => r.Id, ct);
        var attempts = recipients.Values.ToDictionary(r => r.Id, r => r.Attempts);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var sql = new SqlBatch(db.Database.GetDbConnection(), transaction.GetDbTransaction());
        var stats = new DailyStats();
        var events = new List<AddressEvent>();
        int sent = 0, failed = 0;
        foreach (var record in records)
        {
            var id = record.Message.RecipientId;
            if (!attempts.TryGetValue(id, out var done)) continue;
            if (record.Outcome.Status == AttemptStatus.Postponed)
            {
                // Not an attempt: the budget was closed. Due again when it opens; no retry is used up.
                sql.Add(PostponeSql, (int)RecipientState.Deferred, Utc(record.Outcome.NotBeforeUtc ?? record.AtUtc), id);
                continue;
            }
            attempts[id] = ++done;
            var q = record.Outcome.Qualification;
            var (state, next) = record.Outcome.Status switch
            {
                AttemptStatus.Sent => (RecipientState.Sent, null),
                AttemptStatus.Deferred when policy.NextAttempt(delivery.StartedUtc ?? record.AtUtc, record.AtUtc, done - 1) is { } due =>
                    (RecipientState.Deferred, (DateTime?)due),
                // Hard, or Soft with no retry left within the validity period: final.
                _ => (RecipientState.Failed, null),
            };
            if (state == RecipientState.Sent) sent++;
            else if (state == RecipientState.Failed) failed++;
            var reply = Clip(record.Outcome.Reply);
            sql.Add(OutcomeSql, (int)state, done, Utc(record.AtUtc), reply, (int?)q?.Type, (int?)q?.Reason, next is { } n ? Utc(n) : null, id);
            sql.Add(AttemptSql, deliveryId, id, Utc(record.AtUtc), (int)record.Outcome.Status, reply, record.MxHost,
                record.Address?.ToString(), record.IdentityId, (int?)q?.Type, (int?)q?.Reason, q is { } c ? Clip(c.Decider, 200) : null);
            if (QuarantineEventOf(record, deliveryId, done) is { } evt) events.Add(new AddressEvent(record.Message.Recipient, evt));
            var recipient = recipients[id];
            var domain = DomainOf(recipient);
            stats.Attempt(record.AtUtc, domain, record.Outcome.Status == AttemptStatus.Sent);
            if (q is { } failure)
            {
                db.BounceEvents.Add(await BounceOfAsync(db, record, recipient, failure, domain, ct));
                stats.Bounce(record.AtUtc, domain, failure.Type, failure.Reason, complaint: false);
            }
        }
        if (sent + failed > 0) sql.Add(CountersSql, sent, failed, deliveryId);
        await sql.ExecuteAsync(ct);
        var quarantined = await quarantine.ApplyAsync(db, events, ct);
        await db.SaveChangesAsync(ct);
        await stats.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        metrics.Quarantine(quarantined); // once committed: a batch run again after a conflict counts once
    }

    private const string PostponeSql =
        """UPDATE "DeliveryRecipients" SET "State" = @p0, "NextAttemptUtc" = @p1, "LeaseUntilUtc" = NULL, "LeaseOwner" = NULL WHERE "Id" = @p2""";

    private const string OutcomeSql =
        """UPDATE "DeliveryRecipients" SET "State" = @p0, "Attempts" = @p1, "LastAttemptUtc" = @p2, "LastReply" = @p3, "FailureType" = @p4, "FailureReason" = @p5, "NextAttemptUtc" = @p6, "LeaseUntilUtc" = NULL, "LeaseOwner" = NULL WHERE "Id" = @p7""";

    private const string AttemptSql =
        """INSERT INTO "DeliveryAttempts" ("DeliveryId", "RecipientId", "AtUtc", "Status", "Reply", "MxHost", "MxAddress", "IdentityId", "FailureType", "FailureReason", "DecidedBy") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)""";

    private const string CountersSql =
        """UPDATE "Deliveries" SET "SentCount" = "SentCount" + @p0, "FailedCount" = "FailedCount" + @p1 WHERE "Id" = @p2""";

    private static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);

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
    private static QuarantineEvent? QuarantineEventOf(AttemptRecord record, long deliveryId, int attempt)
    {
        var id = $"attempt:{record.Message.RecipientId}:{attempt}";
        return record.Outcome switch
        {
            { Status: AttemptStatus.Sent } => QuarantineEvent.Delivered(id, deliveryId),
            { Qualification: { DeferralDowngrade: true } q } =>
                QuarantineEvent.ReputationDeferral(id, q.Type, q.Reason, record.Outcome.Reply, deliveryId),
            { Qualification: { } q } => QuarantineEvent.Error(id, q.Type, q.Reason, record.Outcome.Reply, deliveryId),
            _ => null,
        };
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string Clip(string text, int max = 2000) => text.Length <= max ? text : text[..max];
}
