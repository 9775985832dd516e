using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// Client side of upstream qualification: the texts still To qualify go up to the publisher as normalized text, MD5 and
/// counts. The raw text (which names recipients) never leaves: only <see cref="ErrorQualification.NormalizedText"/>,
/// normalized once more here so a row written by an older normalizer cannot carry an address either.
/// </summary>
public sealed class QualificationPusher(IDbContextFactory<AppDbContext> contexts, IRuleFeed feed, IOptions<SyncOptions> options)
{
    public async Task<IReadOnlyList<PushedText>> CollectAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.ErrorQualifications.AsNoTracking().Where(q => q.Status == QualificationStatus.ToQualify)
            .OrderByDescending(q => q.LastSeenUtc).Take(options.Value.MaxPushedTexts)
            .Select(q => new { q.NormalizedText, q.Count, q.FirstSeenUtc, q.LastSeenUtc }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var text = ErrorTextNormalizer.Normalize(r.NormalizedText);
            return new PushedText(text, ErrorTextNormalizer.Md5(text), r.Count, r.FirstSeenUtc, r.LastSeenUtc);
        }).ToList();
    }

    /// <returns>A note for the run's history: how many texts went up, or why pushing failed; null when there was nothing to send.</returns>
    public async Task<string?> PushAsync(CancellationToken ct = default)
    {
        var texts = await CollectAsync(ct);
        if (texts.Count == 0) return null;
        try
        {
            var accepted = await feed.PushQualificationsAsync(texts, ct);
            return $"{accepted} of {texts.Count} texts to qualify sent to the publisher.";
        }
        catch (RuleFeedException e)
        {
            return $"Sending texts to qualify failed (retried next run): {e.Message}";
        }
    }
}
