using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The suppression list as people edit it (Deliverability, audited): on the publisher it is the global list the feed
/// carries; on a client, entries added here are Local and synchronization never touches them.
/// </summary>
public sealed class SuppressionStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<SuppressionEntryRow>> ListAsync(string? search = null, int max = 500, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.SuppressionEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search)) query = query.Where(e => e.Value.Contains(search.Trim().ToLower()));
        return await query.OrderBy(e => e.Value).Take(max).ToListAsync(ct);
    }

    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SuppressionEntries.CountAsync(ct);
    }

    /// <returns>Null when added; else why not (not an address or domain, or already listed).</returns>
    public async Task<string?> AddAsync(ClaimsPrincipal actor, string value, string comment = "", CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        var entry = SuppressionEntry.TryParse(value, out var error, RuleSource.Local, comment.Trim());
        if (entry is null) return $"Not added: {error}.";
        if (entry.Comment.Length > 1000) return "Not added: the comment is longer than 1000 characters.";
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.SuppressionEntries.AnyAsync(e => e.Value == entry.Value, ct)) return $"{entry.Value} is already listed.";
        db.SuppressionEntries.Add(new SuppressionEntryRow
        {
            Value = entry.Value, Kind = entry.Kind, Source = RuleSource.Local, Comment = entry.Comment,
            CreatedUtc = time.GetUtcNow().UtcDateTime, CreatedBy = Actor.Name(actor),
        });
        audit.Add(db, Actor.Name(actor), "suppression.add", entry.Value, $"{entry.Kind}; {entry.Comment}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<bool> RemoveAsync(ClaimsPrincipal actor, string value, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.SuppressionEntries.SingleOrDefaultAsync(e => e.Value == value, ct);
        if (row is null) return false;
        db.SuppressionEntries.Remove(row);
        audit.Add(db, Actor.Name(actor), "suppression.remove", row.Value, $"{row.Kind}, {row.Source}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
