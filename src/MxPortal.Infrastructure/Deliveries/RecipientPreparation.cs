using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Sending.Waves;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// What a start (and a resume) does to the recipients before the run job claims any, as set-based UPDATEs so a
/// list of a million costs a few statements: skip quarantined, denylisted and suppressed addresses with that reason, and give
/// later waves their not-before time. Each claimed batch is checked again (<see cref="ClaimScreen"/>) for addresses
/// quarantined or suppressed after the start.
/// </summary>
internal static class RecipientPreparation
{
    /// <summary>
    /// Marks the delivery's unsent recipients Skipped when their address is Quarantine or Denylisted, or when the
    /// suppression list names the address, its domain or a parent domain (Denylisted address); returns how many.
    /// </summary>
    public static async Task<int> SkipQuarantinedAsync(AppDbContext db, long deliveryId, CancellationToken ct)
    {
        var skipped = 0;
        foreach (var (status, reason) in new[] { (AddressStatus.Denylisted, FailureReason.DenylistedAddress), (AddressStatus.Quarantine, FailureReason.AddressInQuarantine) })
        {
            skipped += await Skip(Unsent(db, deliveryId)
                .Where(r => db.QuarantineRecords.Any(q => q.Address == r.AddressKey && q.Status == status)), reason, ct);
        }
        skipped += await Skip(Unsent(db, deliveryId)
            .Where(r => db.SuppressionEntries.Any(e => e.Kind == SuppressionKind.Address && e.Value == r.AddressKey)), FailureReason.DenylistedAddress, ct);
        // Note: a domain entry covers its subdomains, which no index can answer; the list's distinct domains are few,
        // so they are matched in memory and the rows updated by exact domain.
        var domains = await db.SuppressionEntries.AsNoTracking().Where(e => e.Kind == SuppressionKind.Domain)
            .Select(e => new SuppressionEntry(e.Value, e.Kind, e.Source, e.Comment)).ToListAsync(ct);
        if (domains.Count == 0) return skipped;
        var suppression = new SuppressionSet(domains);
        var listed = (await Unsent(db, deliveryId).Select(r => r.Domain).Distinct().ToListAsync(ct))
            .Where(d => suppression.Contains(d)).ToList();
        foreach (var chunk in listed.Chunk(500))
        {
            skipped += await Skip(Unsent(db, deliveryId).Where(r => chunk.Contains(r.Domain)), FailureReason.DenylistedAddress, ct);
        }
        return skipped;
    }

    private static IQueryable<DeliveryRecipient> Unsent(AppDbContext db, long deliveryId) =>
        db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId && (r.State == RecipientState.Pending || r.State == RecipientState.Deferred));

    /// <summary>Marks <paramref name="rows"/> Skipped with <paramref name="reason"/> (never sent); returns how many.</summary>
    public static Task<int> Skip(IQueryable<DeliveryRecipient> rows, FailureReason reason, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, RecipientState.Skipped)
            .SetProperty(r => r.FailureReason, reason)
            .SetProperty(r => r.NextAttemptUtc, (DateTime?)null)
            .SetProperty(r => r.LeaseOwner, (string?)null)
            .SetProperty(r => r.LeaseUntilUtc, (DateTime?)null), ct);

    /// <summary>Adds <paramref name="skipped"/> to the delivery's skipped count (in SQL: nodes never overwrite each other's counts).</summary>
    public static Task AddSkippedAsync(AppDbContext db, long deliveryId, int skipped, CancellationToken ct) => skipped == 0
        ? Task.CompletedTask
        : db.Deliveries.Where(d => d.Id == deliveryId).ExecuteUpdateAsync(u => u.SetProperty(d => d.SkippedCount, d => d.SkippedCount + skipped), ct);

    /// <summary>
    /// Lays the waves over the pending recipients in list (id) order. The first wave due at the start stays Pending;
    /// each later wave's recipients become Deferred with their wave's start as next attempt time, which the run's
    /// claim already honours (a Deferred recipient is claimed once its time has come) without using a retry.
    /// </summary>
    public static async Task AssignWavesAsync(AppDbContext db, long deliveryId, IReadOnlyList<Wave> waves, DateTime startUtc, CancellationToken ct)
    {
        if (waves.Count == 0) return;
        var pending = db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId && r.State == RecipientState.Pending);
        var count = await pending.CountAsync(ct);
        var later = WaveSchedule.Create(waves).Plan(startUtc, count).Where(s => s.StartUtc > startUtc && s.Count > 0).ToList();
        // Note: every boundary is found before any row changes state, as the updates shrink the pending set.
        var bounds = new List<(DateTime Start, long FirstId, long? EndId)>();
        foreach (var slot in later)
        {
            var first = await pending.OrderBy(r => r.Id).Skip(slot.FirstIndex).Select(r => r.Id).FirstAsync(ct);
            long? end = slot.EndIndex < count ? await pending.OrderBy(r => r.Id).Skip(slot.EndIndex).Select(r => r.Id).FirstAsync(ct) : null;
            bounds.Add((slot.StartUtc, first, end));
        }
        foreach (var (start, first, end) in bounds)
        {
            var rows = pending.Where(r => r.Id >= first);
            if (end is { } e) rows = rows.Where(r => r.Id < e);
            await rows.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, RecipientState.Deferred)
                .SetProperty(r => r.NextAttemptUtc, start), ct);
        }
    }

    /// <summary>Marks every recipient not sent yet (and not in a live run's hands) Cancelled; returns how many.</summary>
    public static Task<int> CancelRemainingAsync(AppDbContext db, long deliveryId, DateTime now, CancellationToken ct) =>
        db.DeliveryRecipients
            .Where(r => r.DeliveryId == deliveryId && (r.State == RecipientState.Pending || r.State == RecipientState.Deferred
                || (r.State == RecipientState.InFlight && r.LeaseUntilUtc < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, RecipientState.Cancelled)
                .SetProperty(r => r.NextAttemptUtc, (DateTime?)null)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntilUtc, (DateTime?)null), ct);
}
