using Microsoft.EntityFrameworkCore;

namespace MxPortal.Infrastructure.Data;

/// <summary>The one place that turns <see cref="DatabaseOptions"/> into EF Core provider options.</summary>
public static class DatabaseProviderConfigurator
{
    public const string SqliteMigrationsAssembly = "MxPortal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "MxPortal.Migrations.Postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, x => x.MigrationsAssembly(SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(connectionString, x => x.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
}
