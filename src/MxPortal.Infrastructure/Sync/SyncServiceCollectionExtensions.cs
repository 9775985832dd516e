using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MxPortal.Infrastructure.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>Rule synchronization: options (validated at start), the publisher's feed and keys, the client's job and pages' services.</summary>
    public static IServiceCollection AddMxSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();
        services.AddHttpClient(HttpRuleFeed.ClientName, (sp, client) =>
        {
            // Note: HttpRuleFeed enforces Sync:TimeoutSeconds itself (body included); this is only the backstop.
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SyncOptions>>().Value.TimeoutSeconds + 5);
            client.DefaultRequestHeaders.UserAgent.ParseAdd("MxPortal-Sync/1");
        });
        services.AddSingleton<IRuleFeed, HttpRuleFeed>();
        services.AddSingleton<SigningKeyStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<RuleFeedPublisher>();
        services.AddSingleton<QualificationMerger>();
        services.AddSingleton<QualificationPusher>();
        services.AddSingleton<RuleSyncService>();
        services.AddScoped<RuleSyncJob>();
        services.AddSingleton<SyncModeStore>();
        services.AddSingleton<SyncHistory>();
        services.AddSingleton<DriftService>();
        services.AddSingleton<SuppressionStore>();
        services.AddSingleton<SuppressionList>();
        return services;
    }
}
