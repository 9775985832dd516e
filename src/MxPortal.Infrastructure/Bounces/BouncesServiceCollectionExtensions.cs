using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MxPortal.Infrastructure.Bounces;

public static class BouncesServiceCollectionExtensions
{
    /// <summary>Bounce parsing, qualification and the rule tester.</summary>
    public static IServiceCollection AddMxBounces(this IServiceCollection services)
    {
        services.TryAddSingleton<BounceMailParser>();
        services.TryAddSingleton<BounceRuleTester>();
        services.TryAddSingleton<Events.BounceLogQuery>();
        services.TryAddSingleton<Qualification.QualificationService>();
        return services;
    }
}
