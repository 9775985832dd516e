using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// The quarantine and suppression check of a claimed batch, just before it is sent: an address quarantined or
/// suppressed while a long delivery runs (a bounce or complaint from another delivery, a manual quarantine, a synced
/// or added suppression entry) must not be sent to (DOMAIN.md §7). The same rule as at start
/// (<see cref="RecipientPreparation.SkipQuarantinedAsync"/>): Quarantine → Address in quarantine; Denylisted or on the
/// suppression list (address, domain or parent domain) → Denylisted address; Allowlisted and every other status are sent.
/// Two indexed lookups per batch, whatever the size of the delivery, the quarantine or the list.
/// </summary>
internal static class ClaimScreen
{
    /// <summary>The claimed recipients that must be skipped, with their reason; usually none.</summary>
    public static async Task<Dictionary<long, FailureReason>> SkipsAsync(AppDbContext db, IReadOnlyList<DeliveryRecipient> batch, CancellationToken ct)
    {
        var skips = new Dictionary<long, FailureReason>();
        if (batch.Count == 0) return skips;
        var keys = batch.Select(r => r.AddressKey).Distinct(StringComparer.Ordinal).ToList();
        // Note: by address alone, the status tested here: with the status in the WHERE, SQLite (without statistics)
        // walks the status index over every quarantined address (27 ms a batch at 50,000 records, 3.7 ms by address).
        var held = (await db.QuarantineRecords.AsNoTracking().Where(q => keys.Contains(q.Address))
                .Select(q => new { q.Address, q.Status }).ToListAsync(ct))
            .Where(q => q.Status is AddressStatus.Quarantine or AddressStatus.Denylisted)
            .ToDictionary(q => q.Address, q => q.Status, StringComparer.Ordinal);
        var suppression = await SuppressionList.ForAsync(db, keys, ct);
        foreach (var r in batch)
        {
            if (held.TryGetValue(r.AddressKey, out var status))
                skips[r.Id] = status == AddressStatus.Quarantine ? FailureReason.AddressInQuarantine : FailureReason.DenylistedAddress;
            else if (suppression.Count > 0 && suppression.Contains(r.AddressKey))
                skips[r.Id] = FailureReason.DenylistedAddress;
        }
        return skips;
    }

    /// <summary>Our claimed rows → Skipped with their reason, and the delivery's skipped count, in one transaction.</summary>
    public static async Task SkipAsync(AppDbContext db, long deliveryId, string owner, Dictionary<long, FailureReason> skips, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var skipped = 0;
        foreach (var group in skips.GroupBy(s => s.Value, s => s.Key))
        {
            var ids = group.ToList();
            skipped += await RecipientPreparation.Skip(
                db.DeliveryRecipients.Where(r => ids.Contains(r.Id) && r.State == RecipientState.InFlight && r.LeaseOwner == owner), group.Key, ct);
        }
        await RecipientPreparation.AddSkippedAsync(db, deliveryId, skipped, ct);
        await transaction.CommitAsync(ct);
    }
}
