using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Domain.Sending.Waves;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// What a start (and a resume) does to the recipients before the run job claims any, as set-based UPDATEs so a
/// list of a million costs a few statements: skip quarantined and denylisted addresses with that reason, and give
/// later waves their not-before time.
/// </summary>
internal static class RecipientPreparation
{
    /// <summary>Marks the delivery's unsent recipients whose address is Quarantine or Denylisted as Skipped; returns how many.</summary>
    public static async Task<int> SkipQuarantinedAsync(AppDbContext db, long deliveryId, CancellationToken ct)
    {
        var skipped = 0;
        foreach (var (status, reason) in new[] { (AddressStatus.Denylisted, FailureReason.DenylistedAddress), (AddressStatus.Quarantine, FailureReason.AddressInQuarantine) })
        {
            skipped += await db.DeliveryRecipients
                .Where(r => r.DeliveryId == deliveryId && (r.State == RecipientState.Pending || r.State == RecipientState.Deferred)
                    && db.QuarantineRecords.Any(q => q.Address == r.AddressKey && q.Status == status))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.State, RecipientState.Skipped)
                    .SetProperty(r => r.FailureReason, reason)
                    .SetProperty(r => r.NextAttemptUtc, (DateTime?)null), ct);
        }
        return skipped;
    }

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
