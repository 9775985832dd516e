using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Infrastructure.Quarantine;

public static class QuarantineServiceCollectionExtensions
{
    /// <summary>The quarantine policy's options (section <c>Quarantine</c>), the applier the pipelines share, and the clean-up job.</summary>
    public static IServiceCollection AddMxQuarantine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QuarantinePolicyOptions>().Bind(configuration.GetSection(QuarantinePolicyOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QuarantineApplier>();
        services.AddSingleton<QuarantineQuery>();
        services.AddSingleton<QuarantineActions>();
        services.AddScoped<QuarantineCleanUpJob>();
        return services;
    }
}
