using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Audit;

/// <summary>Reads the audit trail newest first, with server-side filtering and paging.</summary>
public sealed class AuditReader(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<(IReadOnlyList<AuditEntry> Items, int Total)> PageAsync(AuditQuery query, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = Filter(db.AuditEntries.AsNoTracking(), query);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(x => x.AtUtc).ThenByDescending(x => x.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>Streams every matching entry (for CSV export) without loading them all.</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = Filter(db.AuditEntries.AsNoTracking(), query).OrderByDescending(x => x.AtUtc).ThenByDescending(x => x.Id);
        await foreach (var e in q.AsAsyncEnumerable().WithCancellation(ct)) yield return e;
    }

    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.AuditEntries.Select(x => x.Action).Distinct().OrderBy(x => x).ToListAsync(ct);
    }

    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> q, AuditQuery f)
    {
        // Note: ToLower keeps "contains" case-insensitive on both providers (instr and strpos are not).
        if (!string.IsNullOrWhiteSpace(f.Actor))
        {
            var actor = f.Actor.Trim().ToLowerInvariant();
            q = q.Where(x => x.Actor.ToLower().Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(x => x.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var text = f.Text.Trim().ToLowerInvariant();
            q = q.Where(x => x.Target.ToLower().Contains(text) || (x.Details != null && x.Details.ToLower().Contains(text)));
        }
        if (f.FromUtc is { } from) q = q.Where(x => x.AtUtc >= from);
        if (f.ToUtc is { } to) q = q.Where(x => x.AtUtc < to);
        return q;
    }
}
