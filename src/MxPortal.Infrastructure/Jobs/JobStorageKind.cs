namespace MxPortal.Infrastructure.Jobs;

public enum JobStorageKind
{
    Sqlite,
    Postgres,
    InMemory,
}
