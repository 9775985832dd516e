namespace MxPortal.Infrastructure.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded, zero set-up: the default.</summary>
    Sqlite,

    /// <summary>The scale-out path: several portal nodes share one PostgreSQL.</summary>
    Postgres,
}
