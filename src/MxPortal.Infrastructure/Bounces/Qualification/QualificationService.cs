using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Bounces.Qualification;

/// <summary>
/// The qualification table (DOMAIN.md §6) for the portal: pages of rows, qualifying a row, and creating a bounce rule
/// from a row — previewed on what is stored, then saved together with the re-qualification of the To-qualify rows it decides.
/// </summary>
public sealed class QualificationService(IDbContextFactory<AppDbContext> contexts, BounceRuleStore rules, AuditLog audit)
{
    public async Task<(IReadOnlyList<ErrorQualification> Rows, int Total)> PageAsync(QualificationQuery query, int page, int pageSize,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.ErrorQualifications.AsNoTracking();
        if (query.Status is { } status) rows = rows.Where(q => q.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLower();
            rows = rows.Where(q => q.NormalizedText.ToLower().Contains(text) || q.Md5.StartsWith(text));
        }
        var total = await rows.CountAsync(ct);
        rows = (query.ByLastSeen, query.Ascending) switch
        {
            (true, true) => rows.OrderBy(q => q.LastSeenUtc).ThenBy(q => q.Id),
            (true, false) => rows.OrderByDescending(q => q.LastSeenUtc).ThenBy(q => q.Id),
            (false, true) => rows.OrderBy(q => q.Count).ThenBy(q => q.Id),
            (false, false) => rows.OrderByDescending(q => q.Count).ThenBy(q => q.Id),
        };
        return (await rows.Skip(page * pageSize).Take(pageSize).ToListAsync(ct), total);
    }

    /// <summary>Sets a row's type, reason and status. Returns null, or why nothing changed.</summary>
    public async Task<string?> QualifyAsync(ClaimsPrincipal actor, long id, FailureType type, FailureReason reason, QualificationStatus status,
        CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        if (!Enum.IsDefined(type) || !Enum.IsDefined(reason) || !Enum.IsDefined(status)) return "Unknown type, reason or status.";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ErrorQualifications.SingleOrDefaultAsync(q => q.Id == id, ct);
        if (row is null) return "That row no longer exists (reload the page).";
        var before = Describe(row);
        (row.Type, row.Reason, row.Status) = (type, reason, status);
        audit.Add(db, Actor.Name(actor), "qualification.qualify", row.Md5, $"before: {before}; after: {Describe(row)}; text: {row.NormalizedText}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A rule to start from: the row's text as a pattern, its qualification when it has one.</summary>
    public static BounceRule SuggestRule(ErrorQualification row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var qualified = row.Reason != FailureReason.NotDefined;
        return new BounceRule
        {
            Name = $"q-{row.Md5[..8]}",
            Pattern = NormalizedTextPattern.Suggest(row.NormalizedText),
            Type = qualified ? row.Type : FailureType.Soft,
            Reason = qualified ? row.Reason : FailureReason.Refused,
            Source = BounceRuleSource.Local,
            Comment = $"From qualification row {row.Md5}",
        };
    }

    /// <summary>What <paramref name="rule"/>, placed at <paramref name="position"/> (zero-based), would decide among what is stored.</summary>
    public async Task<RulePreviewResult> PreviewAsync(BounceRule rule, int position, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var candidate = (await rules.ListAsync(ct)).Select(r => r.Rule).ToList();
        candidate.Insert(Math.Clamp(position, 0, candidate.Count), rule);
        var compilation = BounceRuleSet.Compile(candidate);
        if (compilation.RuleSet is not { } set) return RulePreviewResult.Invalid(compilation.Errors);
        if (BounceRulePatternCheck.Check(rule.Name, rule.Pattern) is { } slow) return RulePreviewResult.Invalid([slow]);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await RulePreview.PreviewAsync(db, set, rule.Name, ct);
    }

    /// <summary>Stores the rule and, in the same transaction, re-qualifies the To-qualify rows it decides.</summary>
    public async Task<(BounceRuleChange Change, int Requalified)> CreateRuleAsync(ClaimsPrincipal actor, BounceRule rule, int position,
        CancellationToken ct = default)
    {
        var requalified = 0;
        var change = await rules.AddAsync(actor, rule, position, async (db, set, token) =>
        {
            requalified = await RulePreview.ApplyAsync(db, set, rule.Name.Trim(), token);
            return $"re-qualified {requalified} To-qualify rows";
        }, ct);
        return (change, change.Applied ? requalified : 0);
    }

    private static string Describe(ErrorQualification row) =>
        $"type={row.Type}; reason={row.Reason.ToDisplayName()}; status={RulePreview.StatusLabel(row.Status)}";
}
