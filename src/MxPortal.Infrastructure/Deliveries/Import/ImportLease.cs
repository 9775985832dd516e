using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>
/// One import at a time per draft: two would delete each other's rows and interleave their recipients, issues and
/// counts. The import takes the draft with a conditional UPDATE of the delivery row (free, or its lease run out), so
/// two nodes or two browser tabs cannot both win; it renews the lease as batches commit and gives it back at the end.
/// A crashed import cannot give it back: its lease runs out (<see cref="DeliveryPortalOptions.ImportLeaseSeconds"/>)
/// and the draft is free again. A start waits for a running import too (<see cref="DeliveryService.StartAsync"/>).
/// </summary>
internal sealed class ImportLease
{
    public const string AlreadyRunning = "An import into this delivery is already running: wait for it to end, then upload the list again.";

    private readonly long _deliveryId;
    private readonly string _owner;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private DateTime _renewedUtc;

    private ImportLease(long deliveryId, string owner, TimeSpan duration, TimeProvider time, DateTime takenUtc) =>
        (_deliveryId, _owner, _duration, _time, _renewedUtc) = (deliveryId, owner, duration, time, takenUtc);

    /// <summary>The lease, or why the draft cannot be imported into now (gone, no longer a draft, an import running).</summary>
    public static async Task<(ImportLease? Lease, string? Refusal)> TakeAsync(AppDbContext db, long deliveryId, TimeSpan duration,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var owner = LeaseOwner.New();
        var taken = await db.Deliveries
            .Where(d => d.Id == deliveryId && d.Status == DeliveryStatus.Draft && (d.ImportLeaseUntilUtc == null || d.ImportLeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ImportLeaseOwner, owner).SetProperty(d => d.ImportLeaseUntilUtc, now + duration), ct);
        if (taken == 1) return (new ImportLease(deliveryId, owner, duration, time, now), null);
        var status = await db.Deliveries.Where(d => d.Id == deliveryId).Select(d => (DeliveryStatus?)d.Status).SingleOrDefaultAsync(ct);
        return (null, status switch
        {
            null => $"Delivery {deliveryId} no longer exists.",
            DeliveryStatus.Draft => AlreadyRunning,
            _ => $"Delivery {deliveryId} is {status}: only a draft's recipient list can be replaced.",
        });
    }

    /// <summary>The delivery row while this lease holds it (no row once it was lost).</summary>
    public IQueryable<Delivery> Held(AppDbContext db) => db.Deliveries.Where(d => d.Id == _deliveryId && d.ImportLeaseOwner == _owner);

    /// <summary>
    /// Extends the lease once a third of it has passed (one small UPDATE every 40 s by default, whatever the batch
    /// size); false when it was lost: it ran out and another import took the draft.
    /// </summary>
    public async Task<bool> RenewAsync(AppDbContext db, CancellationToken ct)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (now - _renewedUtc < _duration / 3) return true;
        _renewedUtc = now;
        return await Held(db).ExecuteUpdateAsync(s => s.SetProperty(d => d.ImportLeaseUntilUtc, now + _duration), ct) == 1;
    }

    /// <summary>Frees the draft (nothing when the lease was already given back or lost).</summary>
    public Task ReleaseAsync(AppDbContext db) =>
        Held(db).ExecuteUpdateAsync(s => s.SetProperty(d => d.ImportLeaseOwner, (string?)null).SetProperty(d => d.ImportLeaseUntilUtc, (DateTime?)null),
            CancellationToken.None);
}
