using Microsoft.EntityFrameworkCore;
using MxPortal.Domain;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Sync;

internal static partial class FeedApplier
{
    public const string SyncActor = "synchronization";

    /// <summary>
    /// Bounce rules: Local rules first and untouched, then the published ones in feed order. A Synced rule keeps the
    /// enabled switch set here (the bounce rules page lets people disable a published rule); its content follows the feed.
    /// Rows keep their key and creation time; a changed or new row is stamped, so other nodes' caches notice it.
    /// </summary>
    public static async Task<IReadOnlyList<SyncChange>> ApplyBounceRulesAsync(AppDbContext db, RuleFeed feed, DateTime now, CancellationToken ct)
    {
        var rows = await db.BounceRules.OrderBy(r => r.Position).ToListAsync(ct);
        var current = rows.Select(r => r.ToRule()).ToList();
        var enabledHere = rows.Where(r => r.Source == BounceRuleSource.Synced)
            .GroupBy(r => RuleJson.Key(r.ToRule())).ToDictionary(g => g.Key, g => g.First().Enabled, StringComparer.Ordinal);
        var published = feed.BounceRules.Select(r => WithEnabled(r, enabledHere)).ToList();
        var (merged, changes) = KeyedMerge.Merge(SyncDataType.BounceRules, current, published, RuleJson.Key,
            r => r.Source == BounceRuleSource.Local, (r, i) => RuleJson.Describe(r, i));
        var compiled = BounceRuleSet.Compile(merged);
        if (compiled.RuleSet is null) throw new DomainException("The merged bounce rules are invalid: " + string.Join("; ", compiled.Errors));

        var byKey = rows.GroupBy(r => (r.Source, Key: RuleJson.Key(r.ToRule()))).ToDictionary(g => g.Key, g => g.First());
        var kept = new HashSet<BounceRuleRow>();
        for (var i = 0; i < merged.Count; i++)
        {
            var rule = merged[i];
            if (!byKey.TryGetValue((rule.Source, RuleJson.Key(rule)), out var row))
            {
                row = new BounceRuleRow { Key = BounceRuleKeys.ForPublished(rule.Name), Source = BounceRuleSource.Synced, CreatedUtc = now };
                db.BounceRules.Add(row);
            }
            kept.Add(row);
            if (rule.Source == BounceRuleSource.Synced && RuleJson.Describe(row.ToRule()) != RuleJson.Describe(rule))
            {
                row.SetFrom(rule);
                row.UpdatedUtc = now;
                row.UpdatedBy = SyncActor;
            }
            row.Position = i;
        }
        db.BounceRules.RemoveRange(rows.Where(r => !kept.Contains(r)));
        return changes;
    }

    private static BounceRule WithEnabled(BounceRule rule, IReadOnlyDictionary<string, bool> enabledHere) => new()
    {
        Name = rule.Name, Pattern = rule.Pattern, Type = rule.Type, Reason = rule.Reason, Source = rule.Source, Comment = rule.Comment,
        Enabled = enabledHere.TryGetValue(RuleJson.Key(rule), out var enabled) ? enabled : rule.Enabled,
    };
}
