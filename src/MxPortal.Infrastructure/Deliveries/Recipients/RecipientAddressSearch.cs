using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries.Recipients;

/// <summary>
/// "Address contains" from a trigram index, for texts of at least <see cref="MinLength"/> characters (a shorter one has no
/// trigram: it keeps the scan). Both indexes hold the lower-cased address key, which the filter compares with the
/// lower-cased text, so what they find is checked against the same <c>AddressKey.Contains(text)</c> as the scan: the result
/// is the scan's, only found without reading every address.
/// <list type="bullet">
/// <item>SQLite: the FTS5 table <c>DeliveryRecipientAddressSearch</c> (trigram tokenizer, external content over
/// DeliveryRecipients.AddressKey, rowid = Id, kept by triggers on insert, delete and update of AddressKey: see the
/// RecipientListSearch migration). <see cref="CandidatesAsync"/> reads the ids of a phrase query (the text, quoted: every
/// character literal) within the delivery's id range, in id order.</item>
/// <item>PostgreSQL: a pg_trgm GIN index on AddressKey, which serves <c>LIKE '%text%'</c> (<see cref="Matching"/>).</item>
/// </list>
/// Note: an EF table rebuild of DeliveryRecipients on SQLite (a column change a later migration cannot ALTER) drops the
/// triggers; such a migration must create them again (the query tests find it: they search rows inserted after migrating).
/// </summary>
internal static class RecipientAddressSearch
{
    public const int MinLength = 3;

    /// <summary>Whether an index can serve <paramref name="needle"/>: at least three characters (runes: trigrams count them).</summary>
    public static bool Indexable(string needle) => needle.EnumerateRunes().Count() >= MinLength;

    /// <summary>
    /// The ids of the delivery whose address key may contain <paramref name="needle"/> (every one that does, and no other
    /// but an odd case-folding one), in id order, at most <paramref name="limit"/>: read from the SQLite trigram index alone.
    /// Null when the index cannot serve it (PostgreSQL, or a text too short).
    /// </summary>
    public static async Task<List<long>?> CandidatesAsync(AppDbContext db, long deliveryId, string needle, int limit, CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || !Indexable(needle)) return null;
        var ids = db.DeliveryRecipients.Where(r => r.DeliveryId == deliveryId).Select(r => r.Id);
        // Note: the index holds every delivery; the delivery's id range (two index look-ups) keeps the walk to its own rows.
        var first = await ids.OrderBy(id => id).FirstOrDefaultAsync(ct);
        var last = await ids.OrderByDescending(id => id).FirstOrDefaultAsync(ct);
        var phrase = "\"" + needle.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return await db.Database.SqlQuery<long>($"""
            SELECT rowid AS "Value" FROM "DeliveryRecipientAddressSearch"
            WHERE "DeliveryRecipientAddressSearch" MATCH {phrase} AND rowid BETWEEN {first} AND {last}
            ORDER BY rowid LIMIT {limit}
            """).ToListAsync(ct);
    }

    /// <summary>The recipients whose address key contains <paramref name="needle"/>, written so that PostgreSQL's trigram index serves it.</summary>
    public static IQueryable<DeliveryRecipient> Matching(AppDbContext db, IQueryable<DeliveryRecipient> q, string needle)
    {
        if (!db.Database.IsNpgsql() || !Indexable(needle)) return q.Where(r => r.AddressKey.Contains(needle));
        var pattern = "%" + needle.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return q.Where(r => EF.Functions.Like(r.AddressKey, pattern, "\\"));
    }
}
