using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Quarantine;

/// <summary>
/// Reads the quarantine list (server-side filters, sort and paging) and an address's page. A page is read as ids
/// first (an index walk) and rows second, so a deep page costs index steps, not row reads.
/// </summary>
public sealed class QuarantineQuery(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>Bounce events shown on an address's page, newest first.</summary>
    public const int AddressBounceLimit = 200;

    public async Task<PageResult<QuarantineRow>> PageAsync(QuarantineListFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = await ContainsFirstAsync(db, Filter(db.QuarantineRecords.AsNoTracking(), filter with { AddressContains = null }), filter, ct)
            ?? Filter(db.QuarantineRecords.AsNoTracking(), filter);
        var (total, capped) = await PageResult<QuarantineRecord>.CountAsync(q, ct);
        var ids = await Order(q, filter).Skip(Math.Max(0, page) * pageSize).Take(pageSize).Select(r => r.Id).ToListAsync(ct);
        var rows = await Rows(db.QuarantineRecords.AsNoTracking().Where(r => ids.Contains(r.Id))).ToDictionaryAsync(r => r.Id, ct);
        return new PageResult<QuarantineRow>(ids.Select(id => rows[id]).ToList(), total, capped);
    }

    /// <summary>Every matching row in the list's order, streamed (CSV export).</summary>
    public async IAsyncEnumerable<QuarantineRow> StreamAsync(QuarantineListFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var row in Rows(Order(Filter(db.QuarantineRecords.AsNoTracking(), filter), filter)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    /// <summary>An address's record (null when it has none), its whole history newest first and its latest bounce events.</summary>
    public async Task<AddressHistory> AddressAsync(string address, CancellationToken ct = default)
    {
        if (!QuarantineAddress.TryNormalize(address, out var key)) return new AddressHistory(address, null, [], [], false);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var record = await Rows(db.QuarantineRecords.AsNoTracking().Where(r => r.Address == key)).SingleOrDefaultAsync(ct);
        var history = record is null
            ? []
            : await db.QuarantineHistory.AsNoTracking()
                .Where(h => EF.Property<long>(h, QuarantineHistoryEntryConfiguration.RecordId) == record.Id)
                .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).ToListAsync(ct);
        var bounces = await BounceLogQuery.Rows(db, db.BounceEvents.AsNoTracking().Where(e => e.Address == key)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(AddressBounceLimit + 1)).ToListAsync(ct);
        var more = bounces.Count > AddressBounceLimit;
        return new AddressHistory(key, record, history, more ? bounces.Take(AddressBounceLimit).ToList() : bounces, more);
    }

    /// <summary>A "contains" filter can use no index, but the address index holds every address: scanning it alone finds
    /// the matching ids in one sequential pass; the page then reads only those rows. Null when too many match for that.</summary>
    private static async Task<IQueryable<QuarantineRecord>?> ContainsFirstAsync(AppDbContext db, IQueryable<QuarantineRecord> rest,
        QuarantineListFilter f, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(f.AddressContains)) return null;
        var needle = f.AddressContains.Trim().ToLowerInvariant();
        var ids = await db.QuarantineRecords.Where(r => r.Address.Contains(needle)).Select(r => r.Id).Take(MaxContainsIds + 1).ToListAsync(ct);
        return ids.Count > MaxContainsIds ? null : rest.Where(r => ids.Contains(r.Id));
    }

    private const int MaxContainsIds = 5_000;

    private static IQueryable<QuarantineRecord> Filter(IQueryable<QuarantineRecord> q, QuarantineListFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.AddressContains))
        {
            // Note: addresses are stored lower-case, so a lower-cased needle makes "contains" case-insensitive on both providers.
            var needle = f.AddressContains.Trim().ToLowerInvariant();
            q = q.Where(r => r.Address.Contains(needle));
        }
        if (!string.IsNullOrWhiteSpace(f.Domain))
        {
            var domain = f.Domain.Trim().ToLowerInvariant();
            q = q.Where(r => r.Domain == domain);
        }
        if (f.Status is { } status) q = q.Where(r => r.Status == status);
        if (f.Reason is { } reason) q = q.Where(r => r.Reason == reason);
        if (f.Type is { } type) q = q.Where(r => r.Type == type);
        if (f.FromUtc is { } from) q = q.Where(r => r.StatusSinceUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(r => r.StatusSinceUtc < to);
        return q;
    }

    private static IQueryable<QuarantineRecord> Order(IQueryable<QuarantineRecord> q, QuarantineListFilter f) => (f.Sort, f.Descending) switch
    {
        (QuarantineSort.Address, false) => q.OrderBy(r => r.Address),
        (QuarantineSort.Address, true) => q.OrderByDescending(r => r.Address),
        (QuarantineSort.Domain, false) => q.OrderBy(r => r.Domain).ThenBy(r => r.Id),
        (QuarantineSort.Domain, true) => q.OrderByDescending(r => r.Domain).ThenByDescending(r => r.Id),
        (QuarantineSort.Status, false) => q.OrderBy(r => r.Status).ThenBy(r => r.StatusSinceUtc).ThenBy(r => r.Id),
        (QuarantineSort.Status, true) => q.OrderByDescending(r => r.Status).ThenByDescending(r => r.StatusSinceUtc).ThenByDescending(r => r.Id),
        (QuarantineSort.ErrorCount, false) => q.OrderBy(r => r.ErrorCount).ThenBy(r => r.Id),
        (QuarantineSort.ErrorCount, true) => q.OrderByDescending(r => r.ErrorCount).ThenByDescending(r => r.Id),
        (QuarantineSort.LastError, false) => q.OrderBy(r => r.LastErrorUtc).ThenBy(r => r.Id),
        (QuarantineSort.LastError, true) => q.OrderByDescending(r => r.LastErrorUtc).ThenByDescending(r => r.Id),
        (_, false) => q.OrderBy(r => r.StatusSinceUtc).ThenBy(r => r.Id),
        (_, true) => q.OrderByDescending(r => r.StatusSinceUtc).ThenByDescending(r => r.Id),
    };

    private static IQueryable<QuarantineRow> Rows(IQueryable<QuarantineRecord> q) => q.Select(r => new QuarantineRow(
        r.Id, r.Address, r.Domain, r.Status, r.StatusSinceUtc, r.Type, r.Reason, r.ErrorCount, r.FirstErrorUtc, r.LastErrorUtc,
        r.LastErrorText, r.DeliveryId));
}
