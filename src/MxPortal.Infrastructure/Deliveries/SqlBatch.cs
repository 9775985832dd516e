using System.Data.Common;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// Parameterized statements run in the caller's transaction: in one round trip where the provider batches
/// (PostgreSQL), otherwise one reused, prepared command per statement text (SQLite, in process). Parameters are
/// positional: <c>@p0</c>, <c>@p1</c>, … in the order given. For hot paths where EF's change tracking costs more
/// than the work (thousands of rows a second).
/// </summary>
internal sealed class SqlBatch(DbConnection connection, DbTransaction transaction)
{
    private readonly List<(string Sql, object?[] Values)> _statements = [];

    public int Count => _statements.Count;

    public void Add(string sql, params object?[] values) => _statements.Add((sql, values));

    public async Task ExecuteAsync(CancellationToken ct)
    {
        if (_statements.Count == 0) return;
        if (connection.CanCreateBatch) await ExecuteBatchAsync(ct);
        else await ExecuteEachAsync(ct);
        _statements.Clear();
    }

    private async Task ExecuteBatchAsync(CancellationToken ct)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, values) in _statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            for (var i = 0; i < values.Length; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "p" + i;
                p.Value = values[i] ?? DBNull.Value;
                command.Parameters.Add(p);
            }
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    private async Task ExecuteEachAsync(CancellationToken ct)
    {
        var commands = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var (sql, values) in _statements)
            {
                if (!commands.TryGetValue(sql, out var command))
                {
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = sql;
                    for (var i = 0; i < values.Length; i++)
                    {
                        var p = command.CreateParameter();
                        p.ParameterName = "@p" + i;
                        command.Parameters.Add(p);
                    }
                    commands[sql] = command;
                }
                for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            foreach (var c in commands.Values) await c.DisposeAsync();
        }
    }
}
