namespace MxPortal.Infrastructure.Data;

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>
    /// ADO.NET connection string. Default for SQLite: <c>Data Source=data/mxportal.db</c>, relative to the working
    /// directory (the folder is created). Required for PostgreSQL, e.g.
    /// <c>Host=127.0.0.1;Port=5432;Database=mxportal;Username=mxportal;Password=…</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    public DatabaseProvider ParsedProvider => Enum.Parse<DatabaseProvider>(Provider, ignoreCase: true);

    public string EffectiveConnectionString => string.IsNullOrWhiteSpace(ConnectionString)
        ? "Data Source=data/mxportal.db"
        : ConnectionString;
}
