using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Qualification;

/// <summary>
/// Counts one occurrence of an error text in the qualification table (DOMAIN.md §6), from a bounce mail or an SMTP
/// reply, with one upsert: concurrent writers add to the count instead of overwriting it, on SQLite and PostgreSQL alike.
/// Runs in the caller's transaction.
/// </summary>
public static class QualificationCounter
{
    /// <summary>The MD5 of the normalized text (the row's key), or null for a qualification the report made
    /// (complaints, auto-replies, no SMTP reply at all): no text a rule could match, so no row.</summary>
    public static async Task<string?> CountAsync(AppDbContext db, string? text, BounceClassification result, DateTime now, CancellationToken ct)
    {
        if (result.Source == ClassificationSource.Report || string.IsNullOrWhiteSpace(text)) return null;
        var normalized = ErrorTextNormalizer.Normalize(text);
        var md5 = ErrorTextNormalizer.Md5(normalized);
        var type = result.Type.ToString();
        var reason = result.Reason.ToString();
        var status = (result.NeedsQualification ? QualificationStatus.ToQualify : QualificationStatus.Keep).ToString();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ErrorQualifications" ("NormalizedText", "Md5", "FirstRawText", "Count", "FirstSeenUtc", "LastSeenUtc", "Type", "Reason", "Status")
            VALUES ({normalized}, {md5}, {text}, 1, {now}, {now}, {type}, {reason}, {status})
            ON CONFLICT ("Md5") DO UPDATE SET "Count" = "ErrorQualifications"."Count" + 1, "LastSeenUtc" = excluded."LastSeenUtc"
            """, ct);
        return md5;
    }
}
