using MxPortal.TestSupport;

namespace MxPortal.Infrastructure.Tests.Data;

/// <summary>One throw-away PostgreSQL for every data test of the run; each test gets its own database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = default!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class DataCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "data";
}
