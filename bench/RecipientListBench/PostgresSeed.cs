using Npgsql;
using NpgsqlTypes;

namespace MxPortal.Bench.RecipientList;

/// <summary>
/// PostgreSQL side of the bench: fills migrated deliveries through a binary COPY (the table's secondary indexes dropped
/// first and rebuilt after, from their own definitions, so the schema stays the migrations'), then VACUUM ANALYZE, as
/// autovacuum leaves a table at rest (index-only scans need the visibility map); and EXPLAIN ANALYZE for --explain.
/// </summary>
internal static class PostgresSeed
{
    private static readonly NpgsqlDbType[] Types = [NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.Integer];

    public static async Task SeedAsync(string connectionString, Generator generator, IEnumerable<(long Id, int Count)> deliveries)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await Execute(db, "SET maintenance_work_mem = '256MB'");
        var indexes = new List<(string Name, string Definition)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = 'DeliveryRecipients'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
            """, db))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) indexes.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (name, _) in indexes) await Execute(db, $"DROP INDEX \"{name}\"");
        var number = 0;
        foreach (var (id, count) in deliveries)
        {
            await using (var copy = await db.BeginBinaryImportAsync(
                $"COPY \"DeliveryRecipients\" ({string.Join(", ", Generator.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in generator.Rows(id, count, number))
                {
                    await copy.StartRowAsync();
                    var values = row.Values();
                    for (var i = 0; i < values.Length; i++)
                        await copy.WriteAsync(values[i] switch { null => DBNull.Value, Enum e => Convert.ToInt32(e, null), var v => v }, Types[i]);
                }
                await copy.CompleteAsync();
            }
            number += count;
        }
        foreach (var (_, definition) in indexes) await Execute(db, definition);
        await Execute(db, Generator.CountersSql);
        await Execute(db, "VACUUM ANALYZE");
    }

    /// <summary>Prints PostgreSQL's EXPLAIN (ANALYZE, BUFFERS) of a statement.</summary>
    public static async Task ExplainAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, db);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) if (i == 2) Console.WriteLine(reader.GetString(0));
        }
    }

    private static async Task Execute(NpgsqlConnection db, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
