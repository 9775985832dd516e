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

    /// <param name="after">The last row of the page before <paramref name="page"/>, when the reader moves forward one page:
    /// the page then starts after it (keyset), so page 1,000 costs what page 1 does; without it the page is skipped to (OFFSET).</param>
    public async Task<PageResult<BounceLogRow>> PageAsync(BounceLogFilter filter, int page, int pageSize, BounceLogRow? after = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await TextKeysAsync(db, filter, ct) is not { } text) return new PageResult<BounceLogRow>([], 0, false);
        var (total, capped) = await PageResult<BounceEvent>.CountAsync(Filter(db, filter, text, forCount: true, alongTime: false), ct);
        var offset = after is null ? Math.Max(0, page) * (long)pageSize : 0;
        IQueryable<BounceEvent> q;
        if (capped && text.Keys.Count > 0 && offset >= DeepOffset && await BoundsAsync(db, ct) is { } bounds)
        {
            // A deep jump with a text filter: sorting every earlier match costs more than a few counts (TimeWindowSeek).
            (q, offset) = await TimeWindowSeek.SeekAsync(Filter(db, filter, text, forCount: true, alongTime: false), filter.OldestFirst,
                bounds.First, bounds.Last, offset, pageSize, text.Events, ct);
        }
        else
        {
            // Rows the time index must yield before the page is complete: one page after a cursor, else all skipped ones too.
            q = Filter(db, filter, text, forCount: false, await AlongTimeAsync(db, text, offset + pageSize, ct));
            if (after is not null) q = After(q, after, filter.OldestFirst);
        }
        var ids = await Order(q, filter).Skip((int)Math.Min(offset, int.MaxValue)).Take(pageSize).Select(e => e.Id).ToListAsync(ct);
        var rows = await Rows(db, db.BounceEvents.AsNoTracking().Where(e => ids.Contains(e.Id))).ToDictionaryAsync(r => r.Id, ct);
        return new PageResult<BounceLogRow>(ids.Select(id => rows[id]).ToList(), total, capped);
    }

    /// <summary>Every matching event in the log's order, streamed (CSV export).</summary>
    public async IAsyncEnumerable<BounceLogRow> StreamAsync(BounceLogFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await TextKeysAsync(db, filter, ct) is not { } text) yield break;
        await foreach (var row in Rows(db, Order(Filter(db, filter, text, forCount: false, alongTime: false), filter)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
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

    /// <summary>The text filter's keys and how many events they cover; an empty match when there is no text filter,
    /// null when the text matches no text at all.</summary>
    private static async Task<TextMatch?> TextKeysAsync(AppDbContext db, BounceLogFilter f, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(f.Text)) return new TextMatch([], 0);
        // Note: ToLower keeps "contains" case-insensitive on both providers (instr and strpos are not).
        var text = f.Text.Trim().ToLowerInvariant();
        var keys = await db.ErrorQualifications.AsNoTracking()
            .Where(x => x.NormalizedText.ToLower().Contains(text) || x.FirstRawText.ToLower().Contains(text))
            .OrderByDescending(x => x.Count).Select(x => new { x.Md5, x.Count }).Take(MaxTextMatches).ToListAsync(ct);
        return keys.Count == 0 ? null : new TextMatch([.. keys.Select(k => k.Md5)], keys.Sum(k => k.Count));
    }

    /// <summary>
    /// Whether a text filter is cheaper along the time index than through its keys: walking time reads about
    /// needed × all events / matching events rows; the keys read (and sort) every matching event.
    /// </summary>
    private static async Task<bool> AlongTimeAsync(AppDbContext db, TextMatch text, long needed, CancellationToken ct)
    {
        if (text.Keys.Count == 0 || text.Events < FrequentText) return false;
        var all = await db.BounceEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        return needed * all < text.Events * text.Events;
    }

    private static IQueryable<BounceEvent> Filter(AppDbContext db, BounceLogFilter f, TextMatch text, bool forCount, bool alongTime)
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
        if (text.Keys.Count > 0)
        {
            var keys = text.Keys;
            // Note: a frequent text is found fastest by walking the time index and testing each event's key; a rare one (or
            // a deep page) by its (key, time) index. The "+ ''" hides the key index from SQLite's planner for the first case
            // (a no-op on the value). Counting always uses the key index: it needs no order.
            q = forCount || !alongTime
                ? q.Where(e => e.NormalizedTextMd5 != null && keys.Contains(e.NormalizedTextMd5))
                : q.Where(e => e.NormalizedTextMd5 != null && keys.Contains(e.NormalizedTextMd5 + ""));
        }
        return q;
    }

    /// <summary>From this many rows skipped on, a text-filtered page is found by <see cref="TimeWindowSeek"/>.</summary>
    private const long DeepOffset = 10_000;

    /// <summary>The oldest and newest event times (two index reads), or null when the log is empty.</summary>
    private static async Task<(DateTime First, DateTime Last)?> BoundsAsync(AppDbContext db, CancellationToken ct)
    {
        var first = await db.BounceEvents.MinAsync(e => (DateTime?)e.AtUtc, ct);
        var last = await db.BounceEvents.MaxAsync(e => (DateTime?)e.AtUtc, ct);
        return first is { } f && last is { } l ? (f, l) : null;
    }

    /// <summary>Texts matching fewer events than this are always searched through their keys (see <see cref="AlongTimeAsync"/>).</summary>
    private const long FrequentText = 20_000;

    private sealed record TextMatch(IReadOnlyList<string> Keys, long Events);

    private static IQueryable<BounceEvent> After(IQueryable<BounceEvent> q, BounceLogRow last, bool oldestFirst)
    {
        var (at, id) = (last.AtUtc, last.Id);
        // Note: the first condition is the index range; the second settles rows of the same instant by id.
        return oldestFirst
            ? q.Where(e => e.AtUtc >= at && (e.AtUtc > at || e.Id > id))
            : q.Where(e => e.AtUtc <= at && (e.AtUtc < at || e.Id < id));
    }

    private static IQueryable<BounceEvent> Order(IQueryable<BounceEvent> q, BounceLogFilter f) => f.OldestFirst
        ? q.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
        : q.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id);
}
