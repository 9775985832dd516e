using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MxPortal.Infrastructure;

namespace MxPortal.Cli;

/// <summary>
/// The services of the portal for a one-shot command, with the portal's configuration (appsettings.json in the
/// working directory, environment variables, <c>--Key:Sub value</c> arguments) and no job server.
/// Logs go to stderr so stdout stays machine-readable.
/// </summary>
internal static class CliHost
{
    /// <summary>Brings the store up to date and seeds what the portal seeds at its first start (default MX rules).</summary>
    public static async Task PrepareStoreAsync(IServiceProvider provider)
    {
        await using (var scope = provider.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Data.DatabaseMigrator>().MigrateAsync();
        await provider.GetRequiredService<Infrastructure.MxRules.MxRulesSeeder>().SeedAsync();
    }

    public static ServiceProvider Build(string[] args, IDictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?> { ["Hangfire:Storage"] = "InMemory", ["Hangfire:Server"] = "false" };
        foreach (var (k, v) in overrides ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .AddInMemoryCollection(values)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning));
        services.AddMxInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}
