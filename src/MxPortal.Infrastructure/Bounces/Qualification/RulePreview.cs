using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Qualification;

/// <summary>
/// Measures and applies a new rule on what is stored: the qualification rows (by their first raw text) and the
/// bounce events (by their diagnostic text and status). Preview and apply share one predicate — "the rule set with
/// the new rule decides this text by the new rule" — so the rows a preview counts as To qualify are exactly the
/// rows the apply re-qualifies, when nothing changed in between. Reads in batches by id, so it never holds a large
/// table in memory; a single-rule pre-filter keeps the full classification for the few texts that can match.
/// </summary>
public static class RulePreview
{
    private const int BatchSize = 2000;
    private const int MaxSamples = 5;

    public static async Task<RulePreviewResult> PreviewAsync(AppDbContext db, BounceRuleSet rules, string ruleName, CancellationToken ct)
    {
        var decide = Decider(rules, ruleName);
        var rowChanges = new Dictionary<(string, string), long>();
        var eventChanges = new Dictionary<(string, string), long>();
        var samples = new List<string>();
        int toQualify = 0, other = 0;
        long occurrences = 0, events = 0;

        for (long after = 0; ;)
        {
            var batch = await db.ErrorQualifications.AsNoTracking().Where(q => q.Id > after).OrderBy(q => q.Id).Take(BatchSize)
                .Select(q => new { q.Id, q.FirstRawText, q.Type, q.Reason, q.Status, q.Count }).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            foreach (var row in batch)
            {
                if (decide(row.FirstRawText, null) is not { } result) continue;
                if (row.Status == QualificationStatus.ToQualify) toQualify++;
                else other++;
                occurrences += row.Count;
                Count(rowChanges, $"{Label(row.Type, row.Reason)} ({StatusLabel(row.Status)})", $"{Label(result.Type, result.Reason)} ({StatusLabel(row.Status == QualificationStatus.ToQualify ? QualificationStatus.Keep : row.Status)})");
                if (samples.Count < MaxSamples) samples.Add(row.FirstRawText);
            }
        }

        for (long after = 0; ;)
        {
            var batch = await db.BounceEvents.AsNoTracking()
                .Where(e => e.Id > after && e.DecidedBy != ClassificationSource.Report && e.DiagnosticText != null)
                .OrderBy(e => e.Id).Take(BatchSize)
                .Select(e => new { e.Id, e.DiagnosticText, e.Status, e.Type, e.Reason }).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            foreach (var bounce in batch)
            {
                if (decide(bounce.DiagnosticText!, bounce.Status) is not { } result) continue;
                events++;
                Count(eventChanges, Label(bounce.Type, bounce.Reason), Label(result.Type, result.Reason));
            }
        }

        return new RulePreviewResult([], toQualify, other, occurrences, events, Changes(rowChanges), Changes(eventChanges), samples);

        void Count(Dictionary<(string, string), long> changes, string from, string to) =>
            changes[(from, to)] = changes.GetValueOrDefault((from, to)) + 1;
    }

    /// <summary>
    /// Re-qualifies the To-qualify rows the new rule decides (type and reason from the rules, status Keep) in the
    /// caller's context; the caller saves. Returns how many rows changed.
    /// </summary>
    public static async Task<int> ApplyAsync(AppDbContext db, BounceRuleSet rules, string ruleName, CancellationToken ct)
    {
        var decide = Decider(rules, ruleName);
        var applied = 0;
        for (long after = 0; ;)
        {
            var batch = await db.ErrorQualifications.Where(q => q.Id > after && q.Status == QualificationStatus.ToQualify)
                .OrderBy(q => q.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            after = batch[^1].Id;
            foreach (var row in batch)
            {
                if (decide(row.FirstRawText, null) is not { } result) continue;
                row.Type = result.Type;
                row.Reason = result.Reason;
                row.Status = QualificationStatus.Keep;
                applied++;
            }
        }

        return applied;
    }

    /// <summary>The classification of a text when <paramref name="ruleName"/> is the rule that decides it, else null.</summary>
    private static Func<string, string?, BounceClassification?> Decider(BounceRuleSet rules, string ruleName)
    {
        var classifier = new BounceClassifier(rules);
        // Note: the new rule alone answers "can it match at all" in one linear scan; the whole set runs only then.
        var alone = BounceRuleSet.Compile(rules.ToRules().Where(r => r.Name.Equals(ruleName, StringComparison.OrdinalIgnoreCase))
            .Select(r => { r.Enabled = true; return r; })).RuleSet ?? BounceRuleSet.Empty;
        return (text, status) =>
        {
            if (alone.Match(text) is null) return null;
            EnhancedStatusCode? hint = EnhancedStatusCode.TryFind(status, out var code) ? code : null;
            var result = classifier.Classify(text, hint);
            return result.Source == ClassificationSource.Rule && string.Equals(result.Decider, ruleName, StringComparison.OrdinalIgnoreCase)
                ? result
                : null;
        };
    }

    private static IReadOnlyList<RulePreviewChange> Changes(Dictionary<(string From, string To), long> changes) =>
        [.. changes.OrderByDescending(c => c.Value).Select(c => new RulePreviewChange(c.Key.From, c.Key.To, c.Value))];

    private static string Label(FailureType type, FailureReason reason) => $"{type} / {reason.ToDisplayName()}";

    internal static string StatusLabel(QualificationStatus status) => status switch
    {
        QualificationStatus.ToQualify => "To qualify",
        _ => status.ToString(),
    };
}
