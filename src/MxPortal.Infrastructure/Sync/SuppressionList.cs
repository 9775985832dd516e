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
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await ForAsync(db, [address], ct)).Match(address);
    }

    /// <summary>
    /// The part of the list that can match <paramref name="addresses"/> (their own entries and those of their domains
    /// and parent domains), read with one indexed lookup by value: test those addresses against it without loading
    /// the whole list.
    /// </summary>
    internal static async Task<SuppressionSet> ForAsync(AppDbContext db, IEnumerable<string> addresses, CancellationToken ct)
    {
        var candidates = addresses.SelectMany(SuppressionSet.Candidates).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0) return SuppressionSet.Empty;
        var rows = await db.SuppressionEntries.AsNoTracking().Where(e => candidates.Contains(e.Value))
            .Select(e => new SuppressionEntry(e.Value, e.Kind, e.Source, e.Comment)).ToListAsync(ct);
        return rows.Count == 0 ? SuppressionSet.Empty : new SuppressionSet(rows);
    }
}
