using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries.Budgets;

namespace MxPortal.Infrastructure.Dashboard;

/// <summary>
/// The dashboard's aggregates over a window of whole UTC days ending today. Bounce charts and domain rates read the day
/// counters (<see cref="DailyStats"/>), never the event tables; quarantine growth reads the history's status changes
/// through their (status, status, time) indexes.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    private static readonly AddressStatus[] Blocked = [AddressStatus.Quarantine, AddressStatus.Denylisted];

    /// <summary>The first day of a window of <paramref name="days"/> days that ends today (UTC).</summary>
    public DateTime WindowStart(int days) => DailyStats.DayOf(time.GetUtcNow().UtcDateTime).AddDays(1 - Math.Max(1, days));

    public async Task<IReadOnlyList<DayCount>> BouncesByTypeAsync(int days, CancellationToken ct = default)
    {
        var from = WindowStart(days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.BounceDailyCounts.AsNoTracking().Where(c => c.Day >= from)
            .GroupBy(c => new { c.Day, c.Type }).Select(g => new { g.Key.Day, g.Key.Type, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
        return rows.Select(r => new DayCount(r.Day, r.Type.ToString(), r.Count)).OrderBy(r => r.Day).ToList();
    }

    public async Task<IReadOnlyList<DayCount>> BouncesByReasonAsync(int days, CancellationToken ct = default)
    {
        var from = WindowStart(days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.BounceDailyCounts.AsNoTracking().Where(c => c.Day >= from)
            .GroupBy(c => new { c.Day, c.Reason }).Select(g => new { g.Key.Day, g.Key.Reason, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
        return rows.Select(r => new DayCount(r.Day, r.Reason.ToString(), r.Count)).OrderBy(r => r.Day).ToList();
    }

    /// <summary>One point per day of the window: the end-of-day total is worked back from today's count.</summary>
    public async Task<IReadOnlyList<QuarantineGrowthPoint>> QuarantineGrowthAsync(int days, CancellationToken ct = default)
    {
        var from = WindowStart(days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var total = await db.QuarantineRecords.CountAsync(r => Blocked.Contains(r.Status), ct);
        var history = db.QuarantineHistory.AsNoTracking().Where(h => h.AtUtc >= from);
        var entered = await PerDayAsync(history.Where(h => Blocked.Contains(h.NewStatus) && !Blocked.Contains(h.OldStatus)), ct);
        var left = await PerDayAsync(history.Where(h => Blocked.Contains(h.OldStatus) && !Blocked.Contains(h.NewStatus)), ct);
        var points = new List<QuarantineGrowthPoint>();
        long atEnd = total;
        for (var day = WindowStart(1); day >= from; day = day.AddDays(-1))
        {
            var inn = entered.GetValueOrDefault(day);
            var outt = left.GetValueOrDefault(day);
            points.Add(new QuarantineGrowthPoint(day, atEnd, inn, outt));
            atEnd = atEnd - inn + outt;
        }
        points.Reverse();
        return points;
    }

    /// <summary>Every domain with at least <paramref name="minAttempts"/> attempts in the window, busiest first.</summary>
    public async Task<IReadOnlyList<DomainRates>> DomainRatesAsync(int days, long minAttempts, CancellationToken ct = default)
    {
        var from = WindowStart(days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DomainDailyStats.AsNoTracking().Where(s => s.Day >= from)
            .GroupBy(s => s.Domain)
            .Select(g => new
            {
                Domain = g.Key, Attempts = g.Sum(s => s.Attempts), Sent = g.Sum(s => s.Sent), Hard = g.Sum(s => s.HardBounces),
                Soft = g.Sum(s => s.SoftBounces), Complaints = g.Sum(s => s.Complaints),
            })
            .Where(g => g.Attempts >= minAttempts)
            .OrderByDescending(g => g.Attempts)
            .Select(g => new DomainRates(g.Domain, g.Attempts, g.Sent, g.Hard, g.Soft, g.Complaints))
            .ToListAsync(ct);
    }

    /// <summary>All domains together over the window (the overall complaint and bounce rates).</summary>
    public async Task<DomainRates> TotalsAsync(int days, CancellationToken ct = default)
    {
        var from = WindowStart(days);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.DomainDailyStats.AsNoTracking().Where(s => s.Day >= from);
        var t = await rows.GroupBy(_ => 1).Select(g => new
        {
            Attempts = g.Sum(s => s.Attempts), Sent = g.Sum(s => s.Sent), Hard = g.Sum(s => s.HardBounces),
            Soft = g.Sum(s => s.SoftBounces), Complaints = g.Sum(s => s.Complaints),
        }).SingleOrDefaultAsync(ct);
        return t is null ? new DomainRates("", 0, 0, 0, 0, 0) : new DomainRates("", t.Attempts, t.Sent, t.Hard, t.Soft, t.Complaints);
    }

    /// <summary>Budgets suspended right now by a reply-driven back-off and recipient domains stopped by the domain error
    /// breaker (<see cref="BudgetState.BreakerDomain"/>), as the sending nodes last published them (rows of a node silent
    /// for <see cref="BudgetState.StaleAfter"/> are left out), soonest to resume first.</summary>
    public async Task<IReadOnlyList<BudgetState>> ActiveBackoffsAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fresh = now - BudgetState.StaleAfter;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.BudgetStates.AsNoTracking().Where(b => b.UpdatedUtc >= fresh && b.SuspendedUntilUtc > now)
            .OrderBy(b => b.SuspendedUntilUtc).Take(50).ToListAsync(ct);
    }

    private static async Task<Dictionary<DateTime, long>> PerDayAsync(IQueryable<QuarantineHistoryEntry> entries, CancellationToken ct)
    {
        // Note: grouped here, not in SQL: a date function differs per provider, and only status changes are read.
        var times = await entries.Select(h => h.AtUtc).ToListAsync(ct);
        return times.GroupBy(DailyStats.DayOf).ToDictionary(g => g.Key, g => (long)g.Count());
    }
}
