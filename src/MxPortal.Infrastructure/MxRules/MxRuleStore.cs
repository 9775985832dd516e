using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>
/// The stored MX rule set. Every change is computed on the domain <see cref="MxRuleSet"/>, validated whole, and
/// then written (the full ordered list and its audit entry) in one transaction: an invalid change stores nothing.
/// Rules are addressed by mask, their natural key, so a page showing a stale order cannot edit the wrong rule.
/// </summary>
public sealed class MxRuleStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit)
{
    private sealed record Edit(MxRuleSet? Set, IReadOnlyList<RuleError> Errors, string Action, string Target, string Details);

    /// <exception cref="Domain.DomainException">The stored set is invalid (e.g. not seeded yet).</exception>
    public async Task<MxRuleSet> LoadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await LoadAsync(db, ct);
    }

    public async Task<string> ExportAsync(CancellationToken ct = default) => MxRuleSetJson.Export(await LoadAsync(ct));

    /// <summary>Adds a rule just above the generic rule.</summary>
    public Task<MxRuleChange> AddAsync(ClaimsPrincipal actor, MxRule rule, CancellationToken ct = default) =>
        ApplyAsync(actor, set => From(set.Insert(set.Rules.Count - 1, rule), "mxrule.create", rule.Mask,
            $"before: none; after: position {set.Rules.Count}, {MxRuleText.Describe(rule)}"), ct);

    /// <summary>Replaces a rule. A Synced rule edited here becomes Local, so synchronization keeps the edit.</summary>
    public Task<MxRuleChange> UpdateAsync(ClaimsPrincipal actor, string mask, MxRule rule, CancellationToken ct = default) =>
        ApplyAsync(actor, set => OnRule(set, mask, i =>
        {
            var edited = rule != set.Rules[i] ? rule with { Source = RuleSource.Local } : rule;
            return From(set.Replace(i, edited), "mxrule.update", set.Rules[i].Mask,
                $"before: {MxRuleText.Describe(set.Rules[i])}; after: {MxRuleText.Describe(edited)}");
        }), ct);

    /// <summary>
    /// Takes a published rule as it is (the drift report of MX rules in Custom mode): it replaces the rule of the same
    /// mask, else it is added just above the generic rule.
    /// </summary>
    public Task<MxRuleChange> AdoptAsync(ClaimsPrincipal actor, MxRule published, CancellationToken ct = default) =>
        ApplyAsync(actor, set =>
        {
            var key = MxMask.Normalize(published.Mask);
            var i = set.Rules.ToList().FindIndex(r => MxMask.Normalize(r.Mask) == key);
            var before = i < 0 ? "none" : MxRuleText.Describe(set.Rules[i]);
            return From(i < 0 ? set.Insert(set.Rules.Count - 1, published) : set.Replace(i, published), "sync.adopt", published.Mask,
                $"MX rule; before: {before}; after: {MxRuleText.Describe(published)}");
        }, ct);

    /// <summary>Moves a rule <paramref name="offset"/> places (-1 = up, 1 = down).</summary>
    public Task<MxRuleChange> MoveAsync(ClaimsPrincipal actor, string mask, int offset, CancellationToken ct = default) =>
        ApplyAsync(actor, set => OnRule(set, mask, i =>
        {
            var target = i + offset;
            if (target < 0 || target >= set.Rules.Count)
                return Refuse(mask, $"rule {i + 1} cannot move {(offset < 0 ? "up" : "down")} any further.");
            return From(set.Move(i, target), "mxrule.move", set.Rules[i].Mask, $"before: position {i + 1}; after: position {target + 1}");
        }), ct);

    public Task<MxRuleChange> SetEnabledAsync(ClaimsPrincipal actor, string mask, bool enabled, CancellationToken ct = default) =>
        ApplyAsync(actor, set => OnRule(set, mask, i => From(set.Replace(i, set.Rules[i] with { Enabled = enabled, Source = RuleSource.Local }),
            enabled ? "mxrule.enable" : "mxrule.disable", set.Rules[i].Mask, $"before: enabled={set.Rules[i].Enabled}; after: enabled={enabled}")), ct);

    public Task<MxRuleChange> DeleteAsync(ClaimsPrincipal actor, string mask, CancellationToken ct = default) =>
        ApplyAsync(actor, set => OnRule(set, mask, i => From(set.Remove(i), "mxrule.delete", set.Rules[i].Mask,
            $"before: position {i + 1}, {MxRuleText.Describe(set.Rules[i])}; after: none")), ct);

    /// <summary>Replaces the whole set with the rules of a JSON file (docs/mx-rules-json.md), or nothing at all.</summary>
    public Task<MxRuleChange> ImportAsync(ClaimsPrincipal actor, string json, CancellationToken ct = default) =>
        ApplyAsync(actor, set =>
        {
            var imported = MxRuleSetJson.Import(json);
            return imported.RuleSet is { } next
                ? new Edit(next, [], "mxrule.import", "MX rule set", MxRuleText.DescribeImport(set, next))
                : Refuse(imported.Errors);
        }, ct);

    private async Task<MxRuleChange> ApplyAsync(ClaimsPrincipal actor, Func<MxRuleSet, Edit> edit, CancellationToken ct)
    {
        Actor.Demand(actor, Policies.EditRules);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Note: a no-op UPDATE of the settings row first makes the transaction a writer before it reads, so two
        // editors queue up instead of both rewriting the set from the same stale copy (PostgreSQL takes a row lock;
        // SQLite takes its write lock up front rather than failing to upgrade a read transaction).
        await db.ThroughputSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.InstanceLevel, x => x.InstanceLevel), ct);
        var change = edit(await LoadAsync(db, ct));
        if (change.Set is null) return MxRuleChange.Refused(change.Errors);

        // Note: rewriting the whole ordered list keeps positions dense and needs no position shuffling; a set
        // is a few dozen rows and the transaction makes the swap atomic for readers.
        await db.MxRules.ExecuteDeleteAsync(ct);
        db.MxRules.AddRange(change.Set.Rules.Select(RowMapping.ToRow));
        audit.Add(db, Actor.Name(actor), change.Action, change.Target, change.Details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new MxRuleChange(change.Set, []);
    }

    private static async Task<MxRuleSet> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.MxRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        return MxRuleSet.Create(rows.Select(RowMapping.ToDomain)).GetOrThrow();
    }

    private static Edit OnRule(MxRuleSet set, string mask, Func<int, Edit> edit)
    {
        var key = MxMask.Normalize(mask);
        for (var i = 0; i < set.Rules.Count; i++)
            if (MxMask.Normalize(set.Rules[i].Mask) == key) return edit(i);
        return Refuse(mask, $"no rule has the mask '{mask}' any more (reload the page).");
    }

    private static Edit From(RuleSetResult result, string action, string target, string details) =>
        new(result.RuleSet, result.Errors, action, target, details);

    private static Edit Refuse(IReadOnlyList<RuleError> errors) => new(null, errors, "", "", "");

    private static Edit Refuse(string mask, string message) => Refuse([new RuleError(null, mask, "", message)]);
}
