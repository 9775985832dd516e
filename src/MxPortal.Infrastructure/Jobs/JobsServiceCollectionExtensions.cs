using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with a per-host storage and activator. Note: AddHangfire only TryAdds these and otherwise falls back
    /// to static state, so two hosts in one process (tests) would run each other's jobs; registering them first avoids it.
    /// </summary>
    public static IServiceCollection AddMxJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => Enum.TryParse<JobStorageKind>(o.Storage, true, out var k) && Enum.IsDefined(k) && !int.TryParse(o.Storage, out _),
                $"{JobsOptions.Section}:Storage must be one of: {string.Join(", ", Enum.GetNames<JobStorageKind>())}.")
            .ValidateOnStart();
        services.AddSingleton<JobStorage>(sp => CreateStorage(
            sp.GetRequiredService<IOptions<JobsOptions>>().Value, sp.GetRequiredService<IOptions<DatabaseOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c.UseLogProvider(new HostSafeLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (configuration.GetValue($"{JobsOptions.Section}:Server", true))
        {
            services.AddHangfireServer((sp, o) =>
            {
                o.WorkerCount = sp.GetRequiredService<IOptions<JobsOptions>>().Value.WorkerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        }
        services.AddScoped<DatabaseMaintenanceJob>();
        return services;
    }

    private static JobStorage CreateStorage(JobsOptions jobs, DatabaseOptions database)
    {
        var poll = TimeSpan.FromSeconds(jobs.QueuePollSeconds);
        switch (Enum.Parse<JobStorageKind>(jobs.Storage, ignoreCase: true))
        {
            case JobStorageKind.InMemory:
                return new InMemoryStorage();
            case JobStorageKind.Postgres:
                var pg = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = poll };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.EffectiveConnectionString, pg), pg);
            default:
                var path = Path.GetFullPath(jobs.SqlitePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                return new SQLiteStorage(path, new SQLiteStorageOptions { QueuePollInterval = poll });
        }
    }
}
