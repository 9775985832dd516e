using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The query side of the suppression list for the sending path: a recipient that matches (its address, its domain or
/// a parent domain) is skipped as Denylisted address. Load once per import or run and test many addresses.
/// </summary>
public sealed class SuppressionList(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<SuppressionSet> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.SuppressionEntries.AsNoTracking().ToListAsync(ct);
        return new SuppressionSet(rows.Select(r => r.ToDomain()));
    }

    /// <summary>The listed value that suppresses <paramref name="address"/>, or null. For one-off checks.</summary>
    public async Task<string?> MatchAsync(string address, CancellationToken ct = default)
    {
        var value = address.Trim().TrimEnd('.').ToLowerInvariant();
        var at = value.LastIndexOf('@');
        var candidates = new List<string> { value };
        for (var domain = at >= 0 ? value[(at + 1)..] : value; domain.Length > 0;)
        {
            candidates.Add(domain);
            var dot = domain.IndexOf('.');
            if (dot < 0) break;
            domain = domain[(dot + 1)..];
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.SuppressionEntries.AsNoTracking().Where(e => candidates.Contains(e.Value)).ToListAsync(ct);
        return new SuppressionSet(rows.Select(r => r.ToDomain())).Match(address);
    }
}
