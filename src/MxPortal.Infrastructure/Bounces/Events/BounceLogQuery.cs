using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Events;

/// <summary>
/// Reads the bounce log: every bounce event, synchronous and asynchronous, newest first, with server-side filters and
/// paging. Each equality filter has a (column, time) index, so a page is an index walk: ids first, rows second. The text
/// filter looks in the qualification table (one row per normalized text) and then follows the events' text key, instead
/// of scanning a million diagnostics.
/// </summary>
public sealed class BounceLogQuery(IDbContextFactory<AppDbContext> contexts)
{
    /// <summary>At most this many distinct texts match a text filter (the most frequent first).</summary>
    public const int MaxTextMatches = 500;

    public async Task<PageResult<BounceLogRow>> PageAsync(BounceLogFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = await FilterAsync(db, filter, ct);
        if (q is null) return new PageResult<BounceLogRow>([], 0, false);
        var (total, capped) = await PageResult<BounceEvent>.CountAsync(q, ct);
        var ids = await Order(q, filter).Skip(Math.Max(0, page) * pageSize).Take(pageSize).Select(e => e.Id).ToListAsync(ct);
        var rows = await Rows(db, db.BounceEvents.AsNoTracking().Where(e => ids.Contains(e.Id))).ToDictionaryAsync(r => r.Id, ct);
        return new PageResult<BounceLogRow>(ids.Select(id => rows[id]).ToList(), total, capped);
    }

    /// <summary>Every matching event in the log's order, streamed (CSV export).</summary>
    public async IAsyncEnumerable<BounceLogRow> StreamAsync(BounceLogFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await FilterAsync(db, filter, ct) is not { } q) yield break;
        await foreach (var row in Rows(db, Order(q, filter)).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    /// <summary>The raw bounce mail an asynchronous event came from, or null (a synchronous event, or an unknown id).</summary>
    public async Task<byte[]?> RawMailAsync(long eventId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await (from e in db.BounceEvents
                      join m in db.ProcessedBounceMails on e.ProcessedBounceMailId equals m.Id
                      where e.Id == eventId
                      select m.RawMail).SingleOrDefaultAsync(ct);
    }

    /// <summary>The projection the log, the address page and the export share (with the delivery's name).</summary>
    internal static IQueryable<BounceLogRow> Rows(AppDbContext db, IQueryable<BounceEvent> events) =>
        from e in events
        join d in db.Deliveries on e.DeliveryId equals d.Id into deliveries
        from d in deliveries.DefaultIfEmpty()
        select new BounceLogRow(e.Id, e.AtUtc, e.Address, e.Domain, e.Type, e.Reason, e.DecidedBy, e.Decider, e.Status,
            e.DiagnosticText, e.Source, e.IsComplaint, e.DeliveryId, d == null ? null : d.Name, e.ProcessedBounceMailId);

    /// <summary>The filtered events, or null when the text filter matches no text at all.</summary>
    private static async Task<IQueryable<BounceEvent>?> FilterAsync(AppDbContext db, BounceLogFilter f, CancellationToken ct)
    {
        var q = db.BounceEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Address))
        {
            var address = f.Address.Trim().ToLowerInvariant();
            q = q.Where(e => e.Address == address);
        }
        if (!string.IsNullOrWhiteSpace(f.Domain))
        {
            var domain = f.Domain.Trim().ToLowerInvariant();
            q = q.Where(e => e.Domain == domain);
        }
        if (f.Type is { } type) q = q.Where(e => e.Type == type);
        if (f.Reason is { } reason) q = q.Where(e => e.Reason == reason);
        if (!string.IsNullOrWhiteSpace(f.Rule))
        {
            var rule = f.Rule.Trim();
            q = q.Where(e => e.Decider == rule);
        }
        if (f.DeliveryId is { } delivery) q = q.Where(e => e.DeliveryId == delivery);
        if (f.FromUtc is { } from) q = q.Where(e => e.AtUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(e => e.AtUtc < to);
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            // Note: ToLower keeps "contains" case-insensitive on both providers (instr and strpos are not).
            var text = f.Text.Trim().ToLowerInvariant();
            var keys = await db.ErrorQualifications.AsNoTracking()
                .Where(x => x.NormalizedText.ToLower().Contains(text) || x.FirstRawText.ToLower().Contains(text))
                .OrderByDescending(x => x.Count).Select(x => x.Md5).Take(MaxTextMatches).ToListAsync(ct);
            if (keys.Count == 0) return null;
            q = q.Where(e => e.NormalizedTextMd5 != null && keys.Contains(e.NormalizedTextMd5));
        }
        return q;
    }

    private static IQueryable<BounceEvent> Order(IQueryable<BounceEvent> q, BounceLogFilter f) => f.OldestFirst
        ? q.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
        : q.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
}
