using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Infrastructure.Bounces.Rules;

public static class BounceRulesServiceCollectionExtensions
{
    /// <summary>The stored bounce rules: their store, first-run seeder and the compiled-set cache.</summary>
    public static IServiceCollection AddMxBounceRules(this IServiceCollection services)
    {
        services.TryAddSingleton<StoredBounceRuleSource>();
        services.TryAddSingleton<BounceRuleStore>();
        services.TryAddSingleton<BounceRulesSeeder>();
        return services;
    }

    /// <summary>
    /// Classifies with the stored rules (the portal) instead of the built-in defaults (the command line, whose
    /// <c>classify</c> takes <c>--rules FILE</c>). The database must be seeded (<see cref="BounceRulesSeeder"/>).
    /// </summary>
    public static IServiceCollection UseStoredBounceRules(this IServiceCollection services)
    {
        services.AddMxBounceRules();
        services.Replace(ServiceDescriptor.Singleton<IBounceRuleSource>(sp => sp.GetRequiredService<StoredBounceRuleSource>()));
        return services;
    }
}
