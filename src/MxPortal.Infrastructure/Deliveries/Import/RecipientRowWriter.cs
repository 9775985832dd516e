using System.Data;
using System.Data.Common;
using System.Text;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>
/// Writes imported rows with parameterised INSERTs, a transaction per batch: no change tracking, so memory stays flat
/// for any list size. The unique index on (delivery, address key) decides Double (<c>ON CONFLICT DO NOTHING</c>, same
/// SQL on SQLite and PostgreSQL). A database server over the network (PostgreSQL) gets <see cref="RowsPerInsert"/> rows
/// per INSERT, one round trip per chunk, with <c>RETURNING</c> naming the keys written and a key repeated within the
/// chunk found before it is sent; in-process SQLite gets one prepared single-row INSERT per row, which is faster there
/// (bench/README.md, "Recipient import").
/// </summary>
internal sealed class RecipientRowWriter : IAsyncDisposable
{
    /// <summary>Rows per INSERT over the network: 4 parameters each, far below PostgreSQL's 65,535 parameters.</summary>
    public const int RowsPerInsert = 500;

    private readonly DbConnection connection;
    private readonly long deliveryId;
    private readonly int rowsPerInsert;
    private readonly DbCommand issue;
    private readonly Dictionary<string, DbParameter> issueParameters = [];
    private readonly List<Row> chunk = new(RowsPerInsert);
    private DbCommand? fullChunk, singleRow;
    private DbTransaction? transaction;

    /// <param name="multiRow">true over the network (PostgreSQL): <see cref="RowsPerInsert"/> rows per INSERT</param>
    public RecipientRowWriter(DbConnection connection, long deliveryId, bool multiRow)
    {
        this.connection = connection;
        this.deliveryId = deliveryId;
        rowsPerInsert = multiRow ? RowsPerInsert : 1;
        issue = connection.CreateCommand();
        issue.CommandText = """
            INSERT INTO "DeliveryImportIssues" ("DeliveryId", "Line", "Kind", "Message") VALUES (@delivery, @line, @kind, @message)
            """;
        foreach (var (name, type) in new[] { ("delivery", DbType.Int64), ("line", DbType.Int64), ("kind", DbType.String), ("message", DbType.String) })
            issueParameters[name] = Add(issue, name, type);
        issueParameters["delivery"].Value = deliveryId;
    }

    /// <summary>Rows buffered or written since the last commit.</summary>
    public int Pending { get; private set; }

    public int Imported { get; private set; }

    public int Doubles { get; private set; }

    /// <summary>Writes a recipient (SQLite) or buffers it (PostgreSQL); it is written or found to be a Double by the time <see cref="CommitAsync"/> returns.</summary>
    public async Task AddRecipientAsync(long line, EmailAddress address, string? fieldsJson, CancellationToken ct)
    {
        Pending++;
        var row = new Row(line, address, fieldsJson);
        if (rowsPerInsert > 1)
        {
            chunk.Add(row);
            if (chunk.Count == rowsPerInsert) await FlushAsync(ct);
            return;
        }

        await BeginAsync(ct);
        singleRow ??= InsertCommand(1, returning: false);
        singleRow.Transaction = transaction;
        Bind(singleRow, 0, row);
        if (await singleRow.ExecuteNonQueryAsync(ct) == 1) Imported++;
        else await DoubleAsync(line, address, ct);
    }

    public async Task AddIssueAsync(long line, ImportIssueKind kind, string message, CancellationToken ct)
    {
        Pending++;
        await WriteIssueAsync(line, kind, message, ct);
    }

    private async Task WriteIssueAsync(long line, ImportIssueKind kind, string message, CancellationToken ct)
    {
        await BeginAsync(ct);
        issueParameters["line"].Value = line;
        issueParameters["kind"].Value = kind.ToString();
        issueParameters["message"].Value = message.Length <= 1000 ? message : message[..999] + "…";
        await issue.ExecuteNonQueryAsync(ct);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        if (transaction is null) return;
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = null;
        Pending = 0;
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        if (chunk.Count == 0) return;
        await BeginAsync(ct);
        // Note: the first row of a key repeated within the chunk is the one sent, as the per-row order would have it.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var send = new List<Row>(chunk.Count);
        var repeated = new List<Row>();
        foreach (var row in chunk) (seen.Add(row.Address.Key) ? send : repeated).Add(row);
        chunk.Clear();

        var written = await InsertAsync(send, ct);
        Imported += written.Count;
        repeated.AddRange(send.Where(r => !written.Contains(r.Address.Key)));
        foreach (var row in repeated.OrderBy(r => r.Line)) await DoubleAsync(row.Line, row.Address, ct);
    }

    private async Task DoubleAsync(long line, EmailAddress address, CancellationToken ct)
    {
        Doubles++;
        await WriteIssueAsync(line, ImportIssueKind.Double, $"'{address.Value}' is already in the list: skipped as Double.", ct);
    }

    /// <summary>Inserts a chunk of rows with distinct keys in one statement; returns the keys written (the others were in the list already).</summary>
    private async Task<HashSet<string>> InsertAsync(List<Row> rows, CancellationToken ct)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        var command = rows.Count == RowsPerInsert ? fullChunk ??= InsertCommand(RowsPerInsert, returning: true) : InsertCommand(rows.Count, returning: true);
        command.Transaction = transaction;
        for (var i = 0; i < rows.Count; i++) Bind(command, i, rows[i]);
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) written.Add(reader.GetString(0));
        if (!ReferenceEquals(command, fullChunk)) await command.DisposeAsync();
        return written;
    }

    private static void Bind(DbCommand command, int i, Row row)
    {
        command.Parameters[1 + (4 * i)].Value = row.Address.Value;
        command.Parameters[2 + (4 * i)].Value = row.Address.Key;
        command.Parameters[3 + (4 * i)].Value = row.Address.Domain;
        command.Parameters[4 + (4 * i)].Value = (object?)row.Fields ?? DBNull.Value;
    }

    private DbCommand InsertCommand(int rows, bool returning)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder("""INSERT INTO "DeliveryRecipients" ("DeliveryId", "Address", "AddressKey", "Domain", "FieldsJson", "State", "Attempts") VALUES """);
        Add(command, "delivery", DbType.Int64).Value = deliveryId;
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(@delivery, @a{i}, @k{i}, @d{i}, @f{i}, 0, 0)");
            Add(command, $"a{i}", DbType.String);
            Add(command, $"k{i}", DbType.String);
            Add(command, $"d{i}", DbType.String);
            Add(command, $"f{i}", DbType.String);
        }
        command.CommandText = sql.Append(returning ? """ ON CONFLICT DO NOTHING RETURNING "AddressKey" """ : " ON CONFLICT DO NOTHING").ToString();
        return command;
    }

    private async Task BeginAsync(CancellationToken ct)
    {
        if (transaction is not null) return;
        transaction = await connection.BeginTransactionAsync(ct);
        issue.Transaction = transaction;
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.DbType = type;
        p.Value = DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        await issue.DisposeAsync();
        if (fullChunk is not null) await fullChunk.DisposeAsync();
        if (singleRow is not null) await singleRow.DisposeAsync();
    }

    private readonly record struct Row(long Line, EmailAddress Address, string? Fields);
}
