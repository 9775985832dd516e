using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries.Recipients;

/// <summary>
/// Reads the recipients of one delivery in list order (id), with server-side filters and paging. Each equality filter has
/// a (delivery, column, id) index, so a page is an index walk in list order: ids first, the 50 rows second, and a page
/// after a cursor starts at that id (keyset), so page 1,000 costs what page 1 does. "Address contains" can use no index:
/// it scans the (delivery, address) index once, which finds every match of a rare text and stops early on a common one.
/// </summary>
public sealed class RecipientListQuery(IDbContextFactory<AppDbContext> contexts)
{
    /// <param name="after">The last row of the page before <paramref name="page"/>, when the reader moves forward one page:
    /// the page then starts after it (keyset); without it the page is skipped to (OFFSET).</param>
    public async Task<PageResult<RecipientListRow>> PageAsync(long deliveryId, RecipientListFilter filter, int page, int pageSize,
        RecipientListRow? after = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (q, known) = await ContainsFirstAsync(db, deliveryId, filter, ct) ?? (await FilterAsync(db, deliveryId, filter, ct), false);
        var (total, capped) = known ? (PageResult<DeliveryRecipient>.CountCap + 1, true) : await PageResult<DeliveryRecipient>.CountAsync(q, ct);
        if (after is not null) q = q.Where(r => r.Id > after.Id);
        var ids = await q.OrderBy(r => r.Id).Skip(after is null ? Math.Max(0, page) * pageSize : 0).Take(pageSize).Select(r => r.Id).ToListAsync(ct);
        var rows = await Rows(db.DeliveryRecipients.AsNoTracking().Where(r => ids.Contains(r.Id))).ToListAsync(ct);
        // Note: the quarantine list is keyed by the lower-cased address, as the recipients' address key is.
        var keys = rows.Select(r => r.Address.ToLowerInvariant()).Distinct().ToList();
        var quarantine = await db.QuarantineRecords.AsNoTracking().Where(x => keys.Contains(x.Address))
            .Select(x => new { x.Address, x.Status }).ToDictionaryAsync(x => x.Address, x => x.Status, ct);
        return new PageResult<RecipientListRow>(rows.OrderBy(r => r.Id)
            .Select(r => r with { QuarantineStatus = quarantine.TryGetValue(r.Address.ToLowerInvariant(), out var s) ? s : null }).ToList(),
            total, capped);
    }

    /// <summary>Every matching recipient in list order, streamed (CSV export).</summary>
    public async IAsyncEnumerable<RecipientListRow> StreamAsync(long deliveryId, RecipientListFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = await ContainsFirstAsync(db, deliveryId, filter, ct) is { } known ? known.Query : await FilterAsync(db, deliveryId, filter, ct);
        await foreach (var row in Rows(q.OrderBy(r => r.Id)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    /// <summary>
    /// Recipients per state for the page's chips: sent, failed and skipped from the delivery's counters (kept by the engine
    /// and the start), the other states counted along the (delivery, state, id) index up to the count cap. Empty for an
    /// unknown delivery.
    /// </summary>
    public async Task<IReadOnlyList<RecipientStateCount>> StateCountsAsync(long deliveryId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counters = await db.Deliveries.AsNoTracking().Where(d => d.Id == deliveryId)
            .Select(d => new { d.SentCount, d.FailedCount, d.SkippedCount }).SingleOrDefaultAsync(ct);
        if (counters is null) return [];
        var counts = new List<RecipientStateCount>();
        foreach (var state in Enum.GetValues<RecipientState>())
        {
            int? known = state switch
            {
                RecipientState.Sent => counters.SentCount,
                RecipientState.Failed => counters.FailedCount,
                RecipientState.Skipped => counters.SkippedCount,
                _ => null,
            };
            if (known is { } n)
            {
                counts.Add(new RecipientStateCount(state, n, false));
                continue;
            }
            var (count, capped) = await PageResult<DeliveryRecipient>.CountAsync(
                db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId && r.State == state), ct);
            counts.Add(new RecipientStateCount(state, count, capped));
        }
        return counts;
    }

    /// <summary>
    /// "Address contains" first, alone: from the trigram index (<see cref="RecipientAddressSearch"/>) for a text of three
    /// characters or more, else over the (delivery, address) index, which holds every address of the delivery. When at
    /// most <see cref="PageResult{T}.CountCap"/> match, that one look found them all, and the page and its count read only
    /// those rows (checking the text and the other filters on each). When more match (a common text), the page walks the
    /// list in order and finds its matches quickly, and the count stops at the cap (<c>CappedAlready</c>: the scan found
    /// the text alone past the cap, so it need not count again). Null without the filter.
    /// </summary>
    private static async Task<(IQueryable<DeliveryRecipient> Query, bool CappedAlready)?> ContainsFirstAsync(AppDbContext db, long deliveryId, RecipientListFilter f, CancellationToken ct)
    {
        if (Needle(f) is not { } needle) return null;
        const int Cap = PageResult<DeliveryRecipient>.CountCap;
        var indexed = await RecipientAddressSearch.CandidatesAsync(db, deliveryId, needle, Cap + 1, ct);
        var ids = indexed ?? await RecipientAddressSearch.Ordered(db,
            RecipientAddressSearch.Matching(db, db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId), needle))
            .Select(r => r.Id).Take(Cap + 1).ToListAsync(ct);
        var rest = f with { AddressContains = null };
        return ids.Count <= Cap
            ? (RecipientFilterPlan.Filter(db, deliveryId, rest, RecipientFilterIndex.Ids).Where(r => ids.Contains(r.Id) && r.AddressKey.Contains(needle)), false)
            : (await FilterAsync(db, deliveryId, f, ct), indexed is null && rest == new RecipientListFilter());
    }

    // Note: address keys are stored lower-case, so a lower-cased needle makes "contains" case-insensitive on both providers.
    private static string? Needle(RecipientListFilter f) =>
        string.IsNullOrWhiteSpace(f.AddressContains) ? null : f.AddressContains.Trim().ToLowerInvariant();

    /// <summary>Every filter, the equality ones walking the rarest one's index (<see cref="RecipientFilterPlan"/>).</summary>
    private static async Task<IQueryable<DeliveryRecipient>> FilterAsync(AppDbContext db, long deliveryId, RecipientListFilter f, CancellationToken ct)
    {
        var q = RecipientFilterPlan.Filter(db, deliveryId, f, await RecipientFilterPlan.ChooseAsync(db, deliveryId, f, ct));
        return Needle(f) is { } needle ? RecipientAddressSearch.Matching(db, q, needle) : q;
    }

    private static IQueryable<RecipientListRow> Rows(IQueryable<DeliveryRecipient> q) => q.Select(r => new RecipientListRow(
        r.Id, r.Address, r.Domain, r.State, r.Attempts, r.LastAttemptUtc, r.NextAttemptUtc, r.FailureType, r.FailureReason, r.LastReply, null));
}
