using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MxPortal.Infrastructure.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMxResolver"/> (singleton: it owns the DNS cache) with <see cref="DnsOptions"/> bound
    /// to the <c>Dns</c> section and validated at start, so a bad name server stops start-up naming the key.
    /// </summary>
    public static IServiceCollection AddMxRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DnsOptions>()
            .Bind(configuration.GetSection(DnsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMxResolver>(sp => new MxResolver(
            sp.GetRequiredService<IOptions<DnsOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            Random.Shared));
        return services;
    }
}
