using Microsoft.EntityFrameworkCore;
using MxPortal.Domain;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// Writes a validated feed into the client's tables, inside the caller's transaction, one data type at a time; each
/// method returns the changes it made (none: nothing written). Local rules are never written: see <see cref="KeyedMerge"/>.
/// </summary>
internal static partial class FeedApplier
{
    public static async Task<IReadOnlyList<SyncChange>> ApplyMxRulesAsync(AppDbContext db, RuleFeed feed, CancellationToken ct)
    {
        var rows = await db.MxRules.OrderBy(r => r.Position).ToListAsync(ct);
        var current = rows.Select(RowMapping.ToDomain).ToList();
        var (merged, changes) = KeyedMerge.Merge(SyncDataType.MxRules, current, feed.MxRules, RuleJson.Key,
            r => r.Source == RuleSource.Local, (r, i) => RuleJson.Describe(r, i), MxRule.GenericMask);
        // Note: the merge keeps every local rule and the published set was valid, so this holds; checked anyway
        // because a set that fails here must not be written.
        var set = MxRuleSet.Create(merged);
        if (set.RuleSet is null) throw new DomainException("The merged MX rules are invalid: " + string.Join(" ", set.Errors));
        if (!merged.SequenceEqual(current))
        {
            await db.MxRules.ExecuteDeleteAsync(ct);
            db.MxRules.AddRange(merged.Select(RowMapping.ToRow));
        }
        return [.. changes, .. await ApplyFactorsAsync(db, feed, ct)];
    }

    private static async Task<IReadOnlyList<SyncChange>> ApplyFactorsAsync(AppDbContext db, RuleFeed feed, CancellationToken ct)
    {
        var rows = await db.ThroughputFactors.ToListAsync(ct);
        var current = rows.Count == 0 ? ThroughputLevels.Default.Factors : rows.ToDictionary(r => (ThroughputLevel)r.Level, r => r.Factor);
        var changes = new List<SyncChange>();
        foreach (var level in Enum.GetValues<ThroughputLevel>())
        {
            var before = current.TryGetValue(level, out var b) ? b : (decimal?)null;
            var after = feed.Factors[level];
            if (before != after)
                changes.Add(new SyncChange(SyncDataType.MxRules, $"factor {level}", before is null ? ChangeKind.Added : ChangeKind.Changed,
                    before is { } x ? RuleJson.Describe(level, x) : null, RuleJson.Describe(level, after)));
        }
        if (changes.Count > 0 || rows.Count == 0)
        {
            db.ThroughputFactors.RemoveRange(rows);
            db.ThroughputFactors.AddRange(feed.Factors.Select(f => new ThroughputFactorRow { Level = (int)f.Key, Factor = f.Value }));
        }
        return changes;
    }

    public static async Task<IReadOnlyList<SyncChange>> ApplySuppressionAsync(AppDbContext db, RuleFeed feed, DateTime now, CancellationToken ct)
    {
        var rows = await db.SuppressionEntries.ToListAsync(ct);
        var (_, changes) = KeyedMerge.Merge(SyncDataType.Suppression, rows.Select(r => r.ToDomain()).ToList(), feed.Suppression,
            RuleJson.Key, e => e.Source == RuleSource.Local, (e, _) => RuleJson.Describe(e));
        var byValue = rows.ToDictionary(r => r.Value, StringComparer.Ordinal);
        var published = feed.Suppression.ToDictionary(e => e.Value, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Kind == ChangeKind.Removed) db.SuppressionEntries.Remove(byValue[change.Key]);
            else if (change.Kind == ChangeKind.Added)
                db.SuppressionEntries.Add(new SuppressionEntryRow
                {
                    Value = change.Key, Kind = published[change.Key].Kind, Source = RuleSource.Synced, CreatedUtc = now, CreatedBy = "synchronization",
                });
        }
        return changes;
    }
}
