using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Infrastructure.Routing;

namespace MxPortal.Infrastructure.MxRules;

public static class MxRulesServiceCollectionExtensions
{
    /// <summary>The stored rules, identities and throughput level, their seeder, and MX resolution.</summary>
    public static IServiceCollection AddMxRules(this IServiceCollection services, IConfiguration configuration)
    {
        // Note: singletons are safe: each call opens its own context from the factory.
        services.AddSingleton<MxRuleStore>();
        services.AddSingleton<SendingIdentityStore>();
        services.AddSingleton<ThroughputStore>();
        services.AddSingleton<MxRulesSeeder>();
        services.AddMxRouting(configuration);
        return services;
    }
}
