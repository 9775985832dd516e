using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Recipients;

namespace MxPortal.Infrastructure.Data;

/// <summary>Brings the schema up to date through EF Core migrations (never EnsureCreated), keeping all data.</summary>
public sealed class DatabaseMigrator(AppDbContext db, IOptions<DatabaseOptions> options, IOptions<DeliveryPortalOptions> deliveries,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (o.ParsedProvider == DatabaseProvider.Sqlite) EnsureSqliteFolder(o.EffectiveConnectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s) on {Provider}: {Migrations}",
                pending.Count, o.ParsedProvider, string.Join(", ", pending));
            // Note: only when something is pending: MigrateAsync diffs the whole model first (about a second of CPU).
            await db.Database.MigrateAsync(ct);
        }
        if (o.ParsedProvider == DatabaseProvider.Sqlite)
        {
            // Note: WAL lets the portal read while jobs write; it is a property of the file, so set it once here.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            if (await RecipientAddressSearch.ApplySqliteIndexAsync(db, deliveries.Value.AddressSearchIndex, ct) is { } change)
                logger.LogInformation("Recipient address search index (Deliveries:AddressSearchIndex): {Change}", change);
        }
    }

    private void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            logger.LogInformation("Created the data folder {Folder}", folder);
        }
        logger.LogInformation("SQLite database: {Path}", Path.GetFullPath(source));
    }
}
