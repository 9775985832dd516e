using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddSingleton<DeliveryStore>();
        // Note: one ledger per process, shared by every delivery running on it; the multi-node ledger replaces it later.
        services.AddSingleton<IBudgetLedger, InMemoryBudgetLedger>();
        services.AddSingleton<DeliveryEngine>();
        services.AddSingleton<SendingPlanLoader>();
        services.AddSingleton<DeliveryMessageFactory>();
        services.AddScoped<DeliveryRunJob>();
        services.AddOptions<DeliveryPortalOptions>().Bind(configuration.GetSection(DeliveryPortalOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DeliveryService>();
        services.AddSingleton<RecipientImporter>();
        services.AddSingleton<DeliveryReader>();
        services.AddHostedService<BudgetStatePublisher>();
        return services;
    }
}
