using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Dashboard;

/// <summary>
/// Collects the day counters of one unit of work and adds them with one upsert per row
/// (<c>INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n</c>, the same SQL on SQLite and PostgreSQL). Call
/// <see cref="SaveAsync"/> inside the caller's transaction: the counters move with the events, or not at all, and two
/// concurrent writers add instead of overwriting each other.
/// </summary>
public sealed class DailyStats
{
    private readonly Dictionary<(DateTime Day, string Domain), long[]> _domains = [];
    private readonly Dictionary<(DateTime Day, FailureType Type, FailureReason Reason), long> _bounces = [];

    public static DateTime DayOf(DateTime utc) => DateTime.SpecifyKind(utc.Date, DateTimeKind.Utc);

    public bool IsEmpty => _domains.Count == 0 && _bounces.Count == 0;

    /// <summary>A synchronous attempt (Sent, Deferred or Failed).</summary>
    public void Attempt(DateTime atUtc, string domain, bool sent)
    {
        var row = Row(atUtc, domain);
        row[0]++;
        if (sent) row[1]++;
    }

    /// <summary>A bounce event, synchronous or asynchronous. A complaint counts as a complaint, not as a soft bounce.</summary>
    public void Bounce(DateTime atUtc, string domain, FailureType type, FailureReason reason, bool complaint)
    {
        var row = Row(atUtc, domain);
        if (complaint) row[4]++;
        else if (type == FailureType.Hard) row[2]++;
        else if (type == FailureType.Soft) row[3]++;
        var key = (DayOf(atUtc), type, reason);
        _bounces[key] = _bounces.GetValueOrDefault(key) + 1;
    }

    public async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var ((day, domain), n) in _domains)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DomainDailyStats" ("Day", "Domain", "Attempts", "Sent", "HardBounces", "SoftBounces", "Complaints")
                VALUES ({day}, {domain}, {n[0]}, {n[1]}, {n[2]}, {n[3]}, {n[4]})
                ON CONFLICT ("Day", "Domain") DO UPDATE SET
                    "Attempts" = "DomainDailyStats"."Attempts" + excluded."Attempts",
                    "Sent" = "DomainDailyStats"."Sent" + excluded."Sent",
                    "HardBounces" = "DomainDailyStats"."HardBounces" + excluded."HardBounces",
                    "SoftBounces" = "DomainDailyStats"."SoftBounces" + excluded."SoftBounces",
                    "Complaints" = "DomainDailyStats"."Complaints" + excluded."Complaints"
                """, ct);
        }
        foreach (var ((day, type, reason), n) in _bounces)
        {
            var t = type.ToString();
            var r = reason.ToString();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "BounceDailyCounts" ("Day", "Type", "Reason", "Count") VALUES ({day}, {t}, {r}, {n})
                ON CONFLICT ("Day", "Type", "Reason") DO UPDATE SET "Count" = "BounceDailyCounts"."Count" + excluded."Count"
                """, ct);
        }
    }

    private long[] Row(DateTime atUtc, string domain)
    {
        var key = (DayOf(atUtc), domain);
        if (!_domains.TryGetValue(key, out var row)) _domains[key] = row = new long[5];
        return row;
    }
}
