using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries.Budgets;
using MxPortal.Infrastructure.Deliveries.Import;
using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Deliveries;

public static class DeliveriesServiceCollectionExtensions
{
    /// <summary>The delivery store, the sending engine with its one-node budget ledger, and the run job.</summary>
    public static IServiceCollection AddMxDeliveries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryEngineOptions>().Bind(configuration.GetSection(DeliveryEngineOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DomainBreakerOptions>().Bind(configuration.GetSection(DeliveryEngineOptions.Section + ":DomainBreaker"))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeliveryStore>();
        // Note: one breaker and one ledger per process, shared by every delivery running on it; the multi-node ledger
        // replaces it later. The ledger's snapshot shows the breaker's stopped domains too.
        services.AddSingleton(sp => new DomainErrorBreaker(sp.GetRequiredService<IOptions<DomainBreakerOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IBudgetLedger>(sp => new InMemoryBudgetLedger(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DomainErrorBreaker>()));
        services.AddSingleton<DeliveryEngine>();
        services.AddSingleton<SendingPlanLoader>();
        services.AddSingleton<DeliveryMessageFactory>();
        services.AddScoped<DeliveryRunJob>();
        services.AddOptions<DeliveryPortalOptions>().Bind(configuration.GetSection(DeliveryPortalOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton<RecipientImporter>();
        services.AddSingleton<DeliveryReader>();
        services.AddSingleton<Recipients.RecipientListQuery>();
        services.AddHostedService<BudgetStatePublisher>();
        return services;
    }
}
