using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Tests.Data;

/// <summary>The infrastructure services over a fresh database of the given provider (SQLite file or PostgreSQL).</summary>
public sealed class DataTestHost : IAsyncDisposable
{
    private readonly string? _sqliteDir;

    private DataTestHost(ServiceProvider services, string connectionString, string? sqliteDir)
    {
        Services = services;
        ConnectionString = connectionString;
        _sqliteDir = sqliteDir;
    }

    public ServiceProvider Services { get; }
    public string ConnectionString { get; }
    public FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    public static async Task<DataTestHost> CreateAsync(string provider, PostgresFixture postgres, IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        string? dir = null;
        if (connectionString is null)
        {
            if (provider == "Sqlite")
            {
                dir = Directory.CreateTempSubdirectory("mxdata-").FullName;
                connectionString = $"Data Source={Path.Combine(dir, "app.db")}";
            }
            else
            {
                connectionString = await postgres.Server.CreateDatabaseAsync();
            }
        }
        return new DataTestHost(Build(provider, connectionString, settings), connectionString, dir);
    }

    public static ServiceProvider Build(string provider, string connectionString, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
            ["Hangfire:Storage"] = "InMemory",
            ["Hangfire:Server"] = "false",
            ["Bootstrap:AdminPassword"] = "Bootstrap-Pass-123",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.TryAddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)));
        services.AddMxInfrastructure(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task MigrateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_sqliteDir is not null) Directory.Delete(_sqliteDir, recursive: true);
    }
}
