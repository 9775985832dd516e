using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MxPortal.Infrastructure.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> (scoped, for Identity's stores and jobs) and its factory (for components,
    /// one context per operation), on the provider named by <c>Database:Provider</c>.
    /// </summary>
    public static IServiceCollection AddMxDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddDbContextFactory<AppDbContext>((sp, o) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            DatabaseProviderConfigurator.Configure(o, db.ParsedProvider, db.EffectiveConnectionString);
        });
        services.AddScoped<DatabaseMigrator>();
        return services;
    }
}
