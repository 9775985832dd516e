using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MxPortal.Domain.Bounces;

namespace MxPortal.Infrastructure.Bounces;

public static class BouncesServiceCollectionExtensions
{
    /// <summary>Bounce parsing, qualification and the rule tester.</summary>
    public static IServiceCollection AddMxBounces(this IServiceCollection services)
    {
        services.TryAddSingleton<BounceMailParser>();
        // Note: the default rule set until bounce rules are stored and edited in the portal (issue 4); compiled once.
        services.TryAddSingleton(_ => new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create())));
        services.TryAddSingleton<BounceRuleTester>();
        return services;
    }
}
