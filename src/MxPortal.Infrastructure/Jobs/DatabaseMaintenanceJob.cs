using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Jobs;

/// <summary>Nightly: refreshes the query planner's statistics (and on SQLite, checkpoints the WAL). Safe to run twice.</summary>
public sealed class DatabaseMaintenanceJob(AppDbContext db, ILogger<DatabaseMaintenanceJob> logger)
{
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var sql = db.Database.IsSqlite()
            ? "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);"
            : "ANALYZE;";
        await db.Database.ExecuteSqlRawAsync(sql, ct);
        logger.LogInformation("Database maintenance done ({Sql})", sql);
    }
}
