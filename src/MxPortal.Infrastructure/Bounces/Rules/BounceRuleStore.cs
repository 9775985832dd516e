using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>
/// The stored bounce rules. Every change is made on the ordered list in memory, validated whole through
/// <see cref="BounceRuleSet.Compile"/> (plus <see cref="BounceRulePatternCheck"/> for the patterns it touches),
/// then written with its audit entry in one transaction: a refused change stores nothing. Rules are addressed by
/// their <see cref="BounceRuleRow.Key"/>. Synced rules belong to the publisher: only enable/disable (and their place
/// in the order) may change here.
/// </summary>
public sealed class BounceRuleStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider time, StoredBounceRuleSource source)
{
    private sealed record Edit(string Action, string Target, string Details, Guid? Key = null, string? Error = null)
    {
        public static Edit Refuse(string error) => new("", "", "", Error: error);
    }

    public async Task<IReadOnlyList<StoredBounceRule>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.BounceRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
        return rows.Select(StoredBounceRule.From).ToArray();
    }

    public async Task<string> ExportAsync(CancellationToken ct = default) =>
        BounceRulesJson.Export((await ListAsync(ct)).Select(r => r.Rule));

    /// <summary>Adds a Local rule at <paramref name="position"/> (zero-based; null = last).</summary>
    public Task<BounceRuleChange> AddAsync(ClaimsPrincipal actor, BounceRule rule, int? position = null, CancellationToken ct = default) =>
        ApplyAsync(actor, rows => AddEdit(rows, rule, position), ct);

    /// <summary>
    /// Adds a Local rule and, in the same transaction, hands the compiled new set to <paramref name="then"/> (e.g. to
    /// re-qualify stored rows); what it returns is added to the audit entry. Both are stored, or neither.
    /// </summary>
    internal Task<BounceRuleChange> AddAsync(ClaimsPrincipal actor, BounceRule rule, int? position,
        Func<AppDbContext, BounceRuleSet, CancellationToken, Task<string>> then, CancellationToken ct) =>
        ApplyAsync(actor, rows => AddEdit(rows, rule, position), ct, then);

    /// <summary>Changes a Local rule's fields; a Synced rule only accepts a change of <see cref="BounceRule.Enabled"/>.</summary>
    public Task<BounceRuleChange> UpdateAsync(ClaimsPrincipal actor, Guid key, BounceRule rule, CancellationToken ct = default) =>
        ApplyAsync(actor, rows => OnRule(rows, key, i =>
        {
            var row = rows[i];
            var before = BounceRuleText.Describe(row);
            if (row.Source == BounceRuleSource.Synced && !SameContent(row, rule))
                return Edit.Refuse($"{BounceRuleText.Label(row)} is synchronized from the publisher: only enabling or disabling it is allowed here. " +
                    "Add a Local rule above it to override it.");
            row.SetFrom(rule);
            return new Edit("bouncerule.update", row.Name, $"before: {before}; after: {BounceRuleText.Describe(row)}", row.Key);
        }), ct);

    public Task<BounceRuleChange> SetEnabledAsync(ClaimsPrincipal actor, Guid key, bool enabled, CancellationToken ct = default) =>
        ApplyAsync(actor, rows => OnRule(rows, key, i =>
        {
            var row = rows[i];
            var before = row.Enabled;
            row.Enabled = enabled;
            return new Edit(enabled ? "bouncerule.enable" : "bouncerule.disable", row.Name, $"before: enabled={before}; after: enabled={enabled}", row.Key);
        }), ct);

    /// <summary>Moves a rule <paramref name="offset"/> places (-1 = up, 1 = down).</summary>
    public Task<BounceRuleChange> MoveAsync(ClaimsPrincipal actor, Guid key, int offset, CancellationToken ct = default) =>
        ApplyAsync(actor, rows => OnRule(rows, key, i =>
        {
            var target = i + offset;
            if (target < 0 || target >= rows.Count)
                return Edit.Refuse($"{BounceRuleText.Label(rows[i])} cannot move {(offset < 0 ? "up" : "down")} any further.");
            var row = rows[i];
            rows.RemoveAt(i);
            rows.Insert(target, row);
            return new Edit("bouncerule.move", row.Name, $"before: position {i + 1}; after: position {target + 1}", row.Key);
        }), ct);

    /// <summary>Puts the rules in the order of <paramref name="keys"/>, which must name every stored rule once.</summary>
    public Task<BounceRuleChange> ReorderAsync(ClaimsPrincipal actor, IReadOnlyList<Guid> keys, CancellationToken ct = default) =>
        ApplyAsync(actor, rows =>
        {
            var byKey = rows.ToDictionary(r => r.Key);
            if (keys.Count != rows.Count || keys.Distinct().Count() != keys.Count || !keys.All(byKey.ContainsKey))
                return Edit.Refuse("The new order must list every rule exactly once (the rules changed meanwhile: reload the page).");
            var before = string.Join(", ", rows.Select(r => r.Name));
            rows.Clear();
            rows.AddRange(keys.Select(k => byKey[k]));
            return new Edit("bouncerule.reorder", "bounce rule set", $"before: {before}; after: {string.Join(", ", rows.Select(r => r.Name))}");
        }, ct);

    public Task<BounceRuleChange> DeleteAsync(ClaimsPrincipal actor, Guid key, CancellationToken ct = default) =>
        ApplyAsync(actor, rows => OnRule(rows, key, i =>
        {
            var row = rows[i];
            if (row.Source == BounceRuleSource.Synced)
                return Edit.Refuse($"{BounceRuleText.Label(row)} is synchronized from the publisher and cannot be deleted here; disable it instead.");
            rows.RemoveAt(i);
            return new Edit("bouncerule.delete", row.Name, $"before: {BounceRuleText.Describe(row, i)}; after: none", row.Key);
        }), ct);

    /// <summary>
    /// Replaces the whole set with the rules of a JSON file (docs/bounce-rules-json.md), or changes nothing. A rule
    /// whose name is already stored keeps its key and creation time.
    /// </summary>
    public Task<BounceRuleChange> ImportAsync(ClaimsPrincipal actor, string json, CancellationToken ct = default) =>
        ApplyAsync(actor, rows =>
        {
            var imported = BounceRulesJson.Import(json);
            if (imported.RuleSet is not { } set) return Edit.Refuse(string.Join("\n", imported.Errors));
            var byName = rows.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
            var before = rows.Count;
            rows.Clear();
            foreach (var rule in set.ToRules())
            {
                var row = byName.GetValueOrDefault(rule.Name)
                    ?? new BounceRuleRow { Key = rule.Source == BounceRuleSource.Synced ? BounceRuleKeys.ForPublished(rule.Name) : BounceRuleKeys.ForLocal() };
                row.SetFrom(rule);
                row.Source = rule.Source;
                rows.Add(row);
            }
            return new Edit("bouncerule.import", "bounce rule set", $"before: {before} rules; after: {rows.Count} rules ({string.Join(", ", rows.Select(r => r.Name))})");
        }, ct);

    private static Edit AddEdit(List<BounceRuleRow> rows, BounceRule rule, int? position)
    {
        var at = Math.Clamp(position ?? rows.Count, 0, rows.Count);
        var row = new BounceRuleRow { Key = BounceRuleKeys.ForLocal(), Source = BounceRuleSource.Local };
        row.SetFrom(rule);
        rows.Insert(at, row);
        return new Edit("bouncerule.create", row.Name, $"before: none; after: {BounceRuleText.Describe(row, at)}", row.Key);
    }

    private async Task<BounceRuleChange> ApplyAsync(ClaimsPrincipal actor, Func<List<BounceRuleRow>, Edit> edit, CancellationToken ct,
        Func<AppDbContext, BounceRuleSet, CancellationToken, Task<string>>? then = null)
    {
        Actor.Demand(actor, Policies.EditRules);
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Note: a no-op UPDATE first makes the transaction a writer before it reads, so two editors queue up instead
        // of both editing the same stale list (PostgreSQL locks the rows; SQLite takes its write lock up front).
        await db.BounceRules.ExecuteUpdateAsync(s => s.SetProperty(r => r.Position, r => r.Position), ct);
        var stored = await db.BounceRules.OrderBy(r => r.Position).ToListAsync(ct);
        var rows = stored.ToList();
        var change = edit(rows);
        if (change.Error is not null) return BounceRuleChange.Refused(change.Error);

        var compilation = BounceRuleSet.Compile(rows.Select(r => r.ToRule()));
        var errors = compilation.Errors.ToList();
        var now = time.GetUtcNow().UtcDateTime;
        db.BounceRules.RemoveRange(stored.Except(rows));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            row.Position = i;
            var entry = db.Entry(row);
            if (entry.State == EntityState.Detached)
            {
                row.CreatedUtc = now;
                db.BounceRules.Add(row);
            }
            else
            {
                entry.DetectChanges();
            }

            // Note: a row that only shifted place keeps its stamp: UpdatedBy names who last changed the rule itself.
            if (entry.State == EntityState.Added || entry.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(BounceRuleRow.Position)))
            {
                row.UpdatedUtc = now;
                row.UpdatedBy = Actor.Name(actor);
            }

            if ((entry.State == EntityState.Added || entry.Property(r => r.Pattern).IsModified)
                && BounceRulePatternCheck.Check(row.Name, row.Pattern) is { } slow && !errors.Any(e => e.StartsWith(BounceRuleText.Label(row) + ":", StringComparison.Ordinal)))
            {
                errors.Add(slow);
            }
        }

        if (errors.Count > 0) return BounceRuleChange.Refused(errors);
        var details = then is null ? change.Details : change.Details + "; " + await then(db, compilation.RuleSet!, ct);
        audit.Add(db, Actor.Name(actor), change.Action, change.Target, details);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        source.Invalidate();
        return new BounceRuleChange(rows.Select(StoredBounceRule.From).ToArray(), []) { Key = change.Key };
    }

    private static Edit OnRule(List<BounceRuleRow> rows, Guid key, Func<int, Edit> edit)
    {
        var i = rows.FindIndex(r => r.Key == key);
        return i < 0 ? Edit.Refuse("That rule no longer exists (reload the page).") : edit(i);
    }

    private static bool SameContent(BounceRuleRow row, BounceRule rule) =>
        row.Name == rule.Name.Trim() && row.Pattern == rule.Pattern && row.Type == rule.Type && row.Reason == rule.Reason
        && (row.Comment ?? "") == (rule.Comment ?? "").Trim();
}
