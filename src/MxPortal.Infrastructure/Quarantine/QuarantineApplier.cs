using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>
/// Applies quarantine events inside the caller's unit of work: loads or creates the records, lets
/// <see cref="QuarantinePolicy"/> decide, and leaves the changes tracked. It never saves: the caller's
/// SaveChanges commits the event that caused the change and its quarantine effect together, or neither.
/// </summary>
public sealed class QuarantineApplier(IOptionsMonitor<QuarantinePolicyOptions> options, TimeProvider time)
{
    /// <summary>Events in the order they happened; addresses that are not addresses are skipped.</summary>
    public async Task<IReadOnlyList<QuarantineResult>> ApplyAsync(AppDbContext db, IReadOnlyList<AddressEvent> events, CancellationToken ct = default)
    {
        if (events.Count == 0) return [];
        // Note: one policy per batch, so an Administrator's edit never applies half-way through it.
        var policy = new QuarantinePolicy(options.CurrentValue, time);
        var valid = events.Select(e => (Key: QuarantineAddress.TryNormalize(e.Address, out var key) ? key : null, e.Event))
            .Where(e => e.Key is not null).Select(e => (Key: e.Key!, e.Event)).ToList();
        var records = await LoadAsync(db, valid, ct);
        var results = new List<QuarantineResult>(valid.Count);
        foreach (var (key, evt) in valid)
        {
            if (!records.TryGetValue(key, out var record))
            {
                record = QuarantineRecord.Create(key);
                records[key] = record;
            }
            var result = policy.Apply(record, evt);
            // A new address only when something was written: a delivery to an unknown address leaves no row.
            if (result.IsWritten && db.Entry(record).State == EntityState.Detached) db.QuarantineRecords.Add(record);
            results.Add(result);
        }
        return results;
    }

    private static async Task<Dictionary<string, QuarantineRecord>> LoadAsync(
        AppDbContext db, List<(string Key, QuarantineEvent Event)> events, CancellationToken ct)
    {
        var keys = events.Select(e => e.Key).Distinct().ToList();
        var eventIds = events.Select(e => e.Event.EventId).OfType<string>().Distinct().ToList();
        // Note: the policy reads an address's history only to spot an event it already applied, so only
        // the entries of these events are loaded, never an address's whole history.
        return await db.QuarantineRecords
            .Include(r => r.History.Where(h => h.EventId != null && eventIds.Contains(h.EventId)))
            .Where(r => keys.Contains(r.Address))
            .AsSplitQuery()
            .ToDictionaryAsync(r => r.Address, StringComparer.Ordinal, ct);
    }
}
