using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries.Recipients;

/// <summary>
/// "Address contains" from a trigram index, for texts of at least <see cref="MinLength"/> characters (a shorter one has no
/// trigram: it keeps the scan). Both indexes hold the lower-cased address key, which the filter compares with the
/// lower-cased text, and what they find is checked against the same <c>AddressKey.Contains(text)</c> as the scan: the
/// result is the scan's, only found without reading every address.
/// <list type="bullet">
/// <item>SQLite, when <see cref="DeliveryPortalOptions.AddressSearchIndex"/> is on: the FTS5 table
/// <c>DeliveryRecipientAddressSearch</c> (trigram tokenizer, external content over DeliveryRecipients.AddressKey, rowid =
/// Id, kept by triggers on insert, delete and update of AddressKey), which the start creates and fills, or drops when the
/// setting is off (<see cref="ApplySqliteIndexAsync"/>): not a migration, because its triggers cost an import most of its
/// speed (FTS5 flushes its pending entries at each row a trigger writes). <see cref="CandidatesAsync"/> reads the ids of a
/// phrase query (the text, quoted: every character literal) within the delivery's id range, in id order.</item>
/// <item>PostgreSQL: a pg_trgm GIN index on AddressKey (migration RecipientListSearch), which serves
/// <c>LIKE '%text%'</c> (<see cref="Matching"/>) when the text is rare; a common text is checked along the (delivery, id)
/// index, which carries the address key there (migration RecipientListAddressKey): a page and the look read no rows.</item>
/// </list>
/// Note: an EF table rebuild of DeliveryRecipients on SQLite (a column change a later migration cannot ALTER) drops the
/// triggers; the index would then miss new rows: such a migration must drop the FTS table too (the next start rebuilds it).
/// </summary>
internal static class RecipientAddressSearch
{
    public const int MinLength = 3;

    private const string Table = "DeliveryRecipientAddressSearch";

    private const string CreateSql = """
        CREATE VIRTUAL TABLE "DeliveryRecipientAddressSearch" USING fts5(
            "AddressKey", content='DeliveryRecipients', content_rowid='Id', tokenize='trigram case_sensitive 0');
        INSERT INTO "DeliveryRecipientAddressSearch"("DeliveryRecipientAddressSearch") VALUES ('rebuild');
        CREATE TRIGGER "DeliveryRecipients_AddressSearch_Insert" AFTER INSERT ON "DeliveryRecipients" BEGIN
            INSERT INTO "DeliveryRecipientAddressSearch"(rowid, "AddressKey") VALUES (new."Id", new."AddressKey");
        END;
        CREATE TRIGGER "DeliveryRecipients_AddressSearch_Delete" AFTER DELETE ON "DeliveryRecipients" BEGIN
            INSERT INTO "DeliveryRecipientAddressSearch"("DeliveryRecipientAddressSearch", rowid, "AddressKey")
            VALUES ('delete', old."Id", old."AddressKey");
        END;
        CREATE TRIGGER "DeliveryRecipients_AddressSearch_Update" AFTER UPDATE OF "AddressKey" ON "DeliveryRecipients" BEGIN
            INSERT INTO "DeliveryRecipientAddressSearch"("DeliveryRecipientAddressSearch", rowid, "AddressKey")
            VALUES ('delete', old."Id", old."AddressKey");
            INSERT INTO "DeliveryRecipientAddressSearch"(rowid, "AddressKey") VALUES (new."Id", new."AddressKey");
        END;
        """;

    private const string DropSql = """
        DROP TRIGGER IF EXISTS "DeliveryRecipients_AddressSearch_Insert";
        DROP TRIGGER IF EXISTS "DeliveryRecipients_AddressSearch_Delete";
        DROP TRIGGER IF EXISTS "DeliveryRecipients_AddressSearch_Update";
        DROP TABLE IF EXISTS "DeliveryRecipientAddressSearch";
        """;

    /// <summary>
    /// Creates and fills the SQLite index (with its triggers) when <paramref name="enabled"/> and missing, drops it when
    /// not enabled and present; says what it did, or null when nothing changed. In one transaction.
    /// </summary>
    public static async Task<string?> ApplySqliteIndexAsync(AppDbContext db, bool enabled, CancellationToken ct)
    {
        if (enabled == await SqliteIndexExistsAsync(db, ct)) return null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(enabled ? CreateSql : DropSql, ct);
        await tx.CommitAsync(ct);
        return enabled ? "created and filled" : "dropped";
    }

    private static async Task<bool> SqliteIndexExistsAsync(AppDbContext db, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {Table}").SingleAsync(ct) > 0;

    /// <summary>Whether an index can serve <paramref name="needle"/>: at least three characters (runes: trigrams count them).</summary>
    public static bool Indexable(string needle) => needle.EnumerateRunes().Count() >= MinLength;

    /// <summary>
    /// The ids of the delivery whose address key may contain <paramref name="needle"/> (every one that does, and no other
    /// but an odd case-folding one), in id order, at most <paramref name="limit"/>: read from the SQLite trigram index alone.
    /// Null when the index cannot serve it (PostgreSQL, the SQLite index turned off, or a text too short).
    /// </summary>
    public static async Task<List<long>?> CandidatesAsync(AppDbContext db, long deliveryId, string needle, int limit, CancellationToken ct)
    {
        if (!db.Database.IsSqlite() || !Indexable(needle) || !await SqliteIndexExistsAsync(db, ct)) return null;
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

    /// <summary>
    /// The look for "address contains" alone, ordered as the index that answers it without reading the rows holds them.
    /// SQLite: the (delivery, address) index, which holds every address of the delivery (and, as every SQLite index, the
    /// id); PostgreSQL: a rare text from the trigram index (then sorted), a common one along the (delivery, id) index that
    /// carries the address key (migration RecipientListAddressKey), which stops at the limit; the (delivery, address) index
    /// would read a row per entry there (it lacks the id).
    /// </summary>
    public static IQueryable<DeliveryRecipient> Ordered(AppDbContext db, IQueryable<DeliveryRecipient> matching) =>
        db.Database.IsNpgsql() ? matching.OrderBy(r => r.Id) : matching.OrderBy(r => r.AddressKey);

    /// <summary>The recipients whose address key contains <paramref name="needle"/>, written so that PostgreSQL's trigram index serves it.</summary>
    public static IQueryable<DeliveryRecipient> Matching(AppDbContext db, IQueryable<DeliveryRecipient> q, string needle)
    {
        if (!db.Database.IsNpgsql() || !Indexable(needle)) return q.Where(r => r.AddressKey.Contains(needle));
        var pattern = "%" + needle.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return q.Where(r => EF.Functions.Like(r.AddressKey, pattern, "\\"));
    }
}
