using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// The drift report of a client (DOMAIN.md §9): this instance's rules against the last valid feed it fetched, rule by
/// rule, and adoption of one published rule at a time (Deliverability, audited).
/// </summary>
public sealed class DriftService(IDbContextFactory<AppDbContext> contexts, MxRuleStore mxRules, AuditLog audit, TimeProvider time,
    StoredBounceRuleSource bounceRules)
{
    /// <returns>Null when no feed was received yet.</returns>
    public async Task<IReadOnlyList<DriftItem>?> ReportAsync(SyncDataType type, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var feed = await PublishedAsync(db, ct);
        if (feed is null) return null;
        return type switch
        {
            SyncDataType.MxRules => Drift.Compare(type, (await db.MxRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct)).Select(RowMapping.ToDomain).ToList(),
                feed.MxRules, RuleJson.Key, r => RuleJson.Describe(r)),
            SyncDataType.BounceRules => Drift.Compare(type, (await db.BounceRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct)).Select(r => r.ToRule()).ToList(),
                feed.BounceRules, RuleJson.Key, r => RuleJson.Describe(r)),
            _ => Drift.Compare(type, (await db.SuppressionEntries.AsNoTracking().OrderBy(e => e.Value).ToListAsync(ct)).Select(e => e.ToDomain()).ToList(),
                feed.Suppression, RuleJson.Key, RuleJson.Describe),
        };
    }

    /// <summary>Takes the published rule with this key as it is.</summary>
    /// <returns>Null when adopted; else why not.</returns>
    public async Task<string?> AdoptAsync(ClaimsPrincipal actor, SyncDataType type, string key, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        RuleFeed? feed;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            feed = await PublishedAsync(db, ct);
        if (feed is null) return "No feed was received yet: run a synchronization first.";
        switch (type)
        {
            case SyncDataType.MxRules:
                var rule = feed.MxRules.FirstOrDefault(r => RuleJson.Key(r) == key);
                if (rule is null) return $"The feed has no MX rule '{key}'.";
                var change = await mxRules.AdoptAsync(actor, rule, ct);
                return change.Applied ? null : string.Join(" ", change.Errors);
            case SyncDataType.BounceRules:
                return await AdoptBounceRuleAsync(actor, feed, key, ct);
            default:
                return await AdoptSuppressionAsync(actor, feed, key, ct);
        }
    }

    private async Task<string?> AdoptBounceRuleAsync(ClaimsPrincipal actor, RuleFeed feed, string key, CancellationToken ct)
    {
        var index = feed.BounceRules.ToList().FindIndex(r => RuleJson.Key(r) == key);
        if (index < 0) return $"The feed has no bounce rule '{key}'.";
        var published = feed.BounceRules[index];
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.BounceRules.ExecuteUpdateAsync(s => s.SetProperty(r => r.Position, r => r.Position), ct);
        var rows = await db.BounceRules.OrderBy(r => r.Position).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var row = rows.FirstOrDefault(r => RuleJson.Key(r.ToRule()) == key);
        var before = row is null ? "none" : RuleJson.Describe(row.ToRule());
        if (row is null)
        {
            row = new BounceRuleRow { Key = BounceRuleKeys.ForPublished(published.Name), CreatedUtc = now };
            rows.Insert(Math.Min(index, rows.Count), row);
            db.BounceRules.Add(row);
        }
        row.SetFrom(published);
        row.Source = BounceRuleSource.Synced;
        row.UpdatedUtc = now;
        row.UpdatedBy = Actor.Name(actor);
        for (var i = 0; i < rows.Count; i++) rows[i].Position = i;
        var compiled = BounceRuleSet.Compile(rows.Select(r => r.ToRule()));
        if (compiled.RuleSet is null) return "Not adopted: " + string.Join("; ", compiled.Errors);
        audit.Add(db, Actor.Name(actor), "sync.adopt", published.Name, $"bounce rule; before: {before}; after: {RuleJson.Describe(published)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        bounceRules.Invalidate();
        return null;
    }

    private async Task<string?> AdoptSuppressionAsync(ClaimsPrincipal actor, RuleFeed feed, string key, CancellationToken ct)
    {
        var entry = feed.Suppression.FirstOrDefault(e => e.Value == key);
        if (entry is null) return $"The feed does not list '{key}'.";
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.SuppressionEntries.AnyAsync(e => e.Value == key, ct)) return $"{key} is already listed.";
        db.SuppressionEntries.Add(new SuppressionEntryRow
        {
            Value = entry.Value, Kind = entry.Kind, Source = RuleSource.Synced, CreatedUtc = time.GetUtcNow().UtcDateTime, CreatedBy = Actor.Name(actor),
        });
        audit.Add(db, Actor.Name(actor), "sync.adopt", entry.Value, $"suppression entry ({entry.Kind})");
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static async Task<RuleFeed?> PublishedAsync(AppDbContext db, CancellationToken ct)
    {
        var snapshot = await db.SyncFeedSnapshots.AsNoTracking().SingleOrDefaultAsync(ct);
        return snapshot is null ? null : RuleFeedJson.Read(Encoding.UTF8.GetBytes(snapshot.Payload)).Feed;
    }
}
