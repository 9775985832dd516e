using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// Publisher side of <c>POST /api/v1/qualifications</c>: merges the texts a client pushed into the qualification table.
/// Each text is normalized again on arrival (addresses become <c>*</c> whatever the client did) and keyed by the MD5
/// computed here; counts are totals per client, so only the growth since that client's last push is added and a
/// retried push adds nothing.
/// </summary>
public sealed class QualificationMerger(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public const int MaxTexts = 5000;
    public const int MaxTextLength = 4000;

    /// <returns>How many texts were taken (the rest were malformed).</returns>
    public async Task<int> MergeAsync(int apiKeyId, IReadOnlyList<PushedText> texts, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var valid = texts.Where(t => !string.IsNullOrWhiteSpace(t.NormalizedText) && t.NormalizedText.Length <= MaxTextLength && t.Count >= 0)
            .Select(t =>
            {
                var text = ErrorTextNormalizer.Normalize(t.NormalizedText);
                return (Text: text, Md5: ErrorTextNormalizer.Md5(text), t.Count, First: Clamp(t.FirstSeenUtc, now), Last: Clamp(t.LastSeenUtc, now));
            })
            .GroupBy(t => t.Md5).Select(g => g.MaxBy(t => t.Count)).ToList();

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var md5s = valid.Select(t => t.Md5).ToList();
        var reported = await db.UpstreamQualifications.Where(u => u.ApiKeyId == apiKeyId && md5s.Contains(u.Md5)).ToDictionaryAsync(u => u.Md5, ct);
        var rows = await db.ErrorQualifications.Where(q => md5s.Contains(q.Md5)).ToDictionaryAsync(q => q.Md5, ct);
        foreach (var t in valid)
        {
            if (!reported.TryGetValue(t.Md5, out var upstream))
                db.UpstreamQualifications.Add(upstream = new UpstreamQualification { ApiKeyId = apiKeyId, Md5 = t.Md5 });
            var delta = Math.Max(0, t.Count - upstream.ReportedCount);
            upstream.ReportedCount = Math.Max(upstream.ReportedCount, t.Count);
            upstream.LastPushUtc = now;
            if (!rows.TryGetValue(t.Md5, out var row))
            {
                row = new ErrorQualification
                {
                    NormalizedText = t.Text, Md5 = t.Md5, FirstRawText = t.Text, FirstSeenUtc = t.First, LastSeenUtc = t.Last,
                    Type = FailureType.Soft, Reason = FailureReason.NotDefined, Status = QualificationStatus.ToQualify,
                };
                db.ErrorQualifications.Add(row);
            }
            row.Count += delta;
            if (t.Last > row.LastSeenUtc) row.LastSeenUtc = t.Last;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return valid.Count;
    }

    private static DateTime Clamp(DateTime value, DateTime now)
    {
        var utc = DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc > now ? now : utc;
    }
}
