using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries.Budgets;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Infrastructure.Deliveries.Live;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>Reads deliveries for the pages: the paged list, one delivery's live view, its import issues.</summary>
public sealed class DeliveryReader(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    private const int DomainsShown = 20, ErrorsShown = 20;
    private static readonly TimeSpan ThroughputWindow = TimeSpan.FromMinutes(30);

    public async Task<(IReadOnlyList<DeliveryListItem> Items, int Total)> PageAsync(DeliveryStatus? status, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Deliveries.AsNoTracking();
        if (status is { } s) query = query.Where(d => d.Status == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.Id).Skip(page * pageSize).Take(pageSize)
            .Select(d => new DeliveryListItem(d.Id, d.Name, d.Status, d.CreatedUtc, d.CreatedBy, d.StartedUtc, d.Total, d.SentCount, d.FailedCount, d.SkippedCount))
            .ToListAsync(ct);
        return (items, total);
    }

    public async Task<Delivery?> FindAsync(long id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
    }

    public async Task<DeliveryLiveView?> LiveAsync(long id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null) return null;
        var now = time.GetUtcNow().UtcDateTime;
        var recipients = db.DeliveryRecipients.Where(r => r.DeliveryId == id);
        var states = await recipients.GroupBy(r => r.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var waiting = await recipients.CountAsync(r => r.State == RecipientState.Deferred && r.Attempts == 0, ct);
        var fresh = now - BudgetState.StaleAfter;
        var budgets = await db.BudgetStates.AsNoTracking().Where(b => b.UpdatedUtc >= fresh)
            .OrderBy(b => b.RuleMask).ThenBy(b => b.IdentityId).ThenBy(b => b.RemoteIp).ThenBy(b => b.Node).ToListAsync(ct);
        var errors = await (from a in db.DeliveryAttempts
                            join r in db.DeliveryRecipients on a.RecipientId equals r.Id
                            where a.DeliveryId == id && a.Status != AttemptStatus.Sent
                            orderby a.Id descending
                            select new RecentError(a.AtUtc, r.Address, a.Status, a.MxHost, a.Reply, a.FailureType, a.FailureReason))
            .Take(ErrorsShown).ToListAsync(ct);
        return new DeliveryLiveView(delivery, states, waiting, await DomainsAsync(db, id, ct), await ThroughputAsync(db, id, now, ct), budgets, errors, now);
    }

    /// <summary>Every import issue of the delivery in line order, streamed (for the CSV download).</summary>
    public async IAsyncEnumerable<DeliveryImportIssue> IssuesAsync(long id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await foreach (var issue in db.DeliveryImportIssues.AsNoTracking().Where(i => i.DeliveryId == id).OrderBy(i => i.Line).ThenBy(i => i.Id).AsAsyncEnumerable().WithCancellation(ct))
            yield return issue;
    }

    public async Task<IReadOnlyList<DeliveryImportIssue>> FirstIssuesAsync(long id, int count, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DeliveryImportIssues.AsNoTracking().Where(i => i.DeliveryId == id).OrderBy(i => i.Line).ThenBy(i => i.Id).Take(count).ToListAsync(ct);
    }

    /// <summary>The largest domains first; two queries so a list of many small domains never comes back whole.</summary>
    private static async Task<IReadOnlyList<DomainProgress>> DomainsAsync(AppDbContext db, long id, CancellationToken ct)
    {
        var recipients = db.DeliveryRecipients.Where(r => r.DeliveryId == id);
        var top = await recipients.GroupBy(r => r.Domain).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key)
            .Take(DomainsShown).ToListAsync(ct);
        var counts = await recipients.Where(r => top.Contains(r.Domain)).GroupBy(r => new { r.Domain, r.State })
            .Select(g => new { g.Key.Domain, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        return top.Select(domain =>
        {
            int Of(RecipientState s) => counts.Where(c => c.Domain == domain && c.State == s).Sum(c => c.Count);
            return new DomainProgress(domain, counts.Where(c => c.Domain == domain).Sum(c => c.Count),
                Of(RecipientState.Sent), Of(RecipientState.Failed), Of(RecipientState.Skipped) + Of(RecipientState.Cancelled));
        }).ToList();
    }

    /// <summary>
    /// Attempts per minute over the last half hour, grouped in SQL (a busy delivery logs thousands a minute).
    /// Note: raw SQL because the minute of a timestamp is spelled differently per provider; SQLite stores EF's
    /// DateTime as 'yyyy-MM-dd HH:mm:ss…' text, so its first 16 characters are the minute.
    /// </summary>
    private static async Task<IReadOnlyList<ThroughputPoint>> ThroughputAsync(AppDbContext db, long id, DateTime now, CancellationToken ct)
    {
        var from = DateTime.SpecifyKind(now - ThroughputWindow, DateTimeKind.Utc);
        var sql = db.Database.IsSqlite()
            ? """SELECT substr("AtUtc", 1, 16) AS "Minute", "Status", COUNT(*) AS "Count" FROM "DeliveryAttempts" WHERE "DeliveryId" = {0} AND "AtUtc" >= {1} GROUP BY substr("AtUtc", 1, 16), "Status" """
            : """SELECT to_char(date_trunc('minute', "AtUtc" AT TIME ZONE 'UTC'), 'YYYY-MM-DD HH24:MI') AS "Minute", "Status", COUNT(*) AS "Count" FROM "DeliveryAttempts" WHERE "DeliveryId" = {0} AND "AtUtc" >= {1} GROUP BY 1, 2""";
        var rows = await db.Database.SqlQueryRaw<MinuteRow>(sql, id, from).ToListAsync(ct);
        var first = new DateTime(from.Ticks - from.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var minutes = (int)Math.Ceiling((now - first).TotalMinutes);
        return Enumerable.Range(0, Math.Max(minutes, 1)).Select(i =>
        {
            var minute = first.AddMinutes(i);
            var key = minute.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            int Of(AttemptStatus s) => (int)rows.Where(r => r.Minute == key && r.Status == (int)s).Sum(r => r.Count);
            return new ThroughputPoint(minute, Of(AttemptStatus.Sent), Of(AttemptStatus.Deferred), Of(AttemptStatus.Failed));
        }).ToList();
    }

    private sealed class MinuteRow
    {
        public string Minute { get; set; } = "";
        public int Status { get; set; }
        public long Count { get; set; }
    }
}
