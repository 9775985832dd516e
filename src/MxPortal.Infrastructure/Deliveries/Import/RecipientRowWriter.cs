using System.Data;
using System.Data.Common;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>
/// Writes imported rows with plain parameterised INSERTs, a transaction per batch: no change tracking, so memory
/// stays flat for any list size. The unique index on (delivery, address key) decides Double: the INSERT ... ON
/// CONFLICT DO NOTHING of a repeated address writes nothing (same SQL on SQLite and PostgreSQL).
/// </summary>
internal sealed class RecipientRowWriter : IAsyncDisposable
{
    private readonly DbConnection connection;
    private readonly DbCommand recipient;
    private readonly DbCommand issue;
    private readonly Dictionary<(DbCommand, string), DbParameter> parameters = [];
    private DbTransaction? transaction;

    public RecipientRowWriter(DbConnection connection, long deliveryId)
    {
        this.connection = connection;
        recipient = Command("""
            INSERT INTO "DeliveryRecipients" ("DeliveryId", "Address", "AddressKey", "Domain", "FieldsJson", "State", "Attempts")
            VALUES (@delivery, @address, @key, @domain, @fields, 0, 0) ON CONFLICT DO NOTHING
            """, ("delivery", DbType.Int64), ("address", DbType.String), ("key", DbType.String), ("domain", DbType.String), ("fields", DbType.String));
        issue = Command("""
            INSERT INTO "DeliveryImportIssues" ("DeliveryId", "Line", "Kind", "Message") VALUES (@delivery, @line, @kind, @message)
            """, ("delivery", DbType.Int64), ("line", DbType.Int64), ("kind", DbType.String), ("message", DbType.String));
        Set(recipient, "delivery", deliveryId);
        Set(issue, "delivery", deliveryId);
    }

    public int Pending { get; private set; }

    /// <summary>False when the address is already in the list (a Double).</summary>
    public async Task<bool> AddRecipientAsync(EmailAddress address, string? fieldsJson, CancellationToken ct)
    {
        await BeginAsync(ct);
        Set(recipient, "address", address.Value);
        Set(recipient, "key", address.Key);
        Set(recipient, "domain", address.Domain);
        Set(recipient, "fields", fieldsJson);
        Pending++;
        return await recipient.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task AddIssueAsync(long line, ImportIssueKind kind, string message, CancellationToken ct)
    {
        await BeginAsync(ct);
        Set(issue, "line", line);
        Set(issue, "kind", kind.ToString());
        Set(issue, "message", message.Length <= 1000 ? message : message[..999] + "…");
        Pending++;
        await issue.ExecuteNonQueryAsync(ct);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (transaction is null) return;
        await transaction.CommitAsync(ct);
        await transaction.DisposeAsync();
        transaction = null;
        Pending = 0;
    }

    private async Task BeginAsync(CancellationToken ct)
    {
        if (transaction is not null) return;
        transaction = await connection.BeginTransactionAsync(ct);
        recipient.Transaction = transaction;
        issue.Transaction = transaction;
    }

    private DbCommand Command(string sql, params (string Name, DbType Type)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, type) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.DbType = type;
            p.Value = DBNull.Value;
            command.Parameters.Add(p);
            this.parameters[(command, name)] = p;
        }
        return command;
    }

    private void Set(DbCommand command, string name, object? value) => parameters[(command, name)].Value = value ?? DBNull.Value;

    public async ValueTask DisposeAsync()
    {
        if (transaction is not null) await transaction.DisposeAsync();
        await recipient.DisposeAsync();
        await issue.DisposeAsync();
    }
}
