using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Bounces;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Health;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.Jobs;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Sync;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Everything that touches the world: database, identity stores, audit, jobs, MX rules and resolution, health checks, the "MxPortal" meter.</summary>
    public static IServiceCollection AddMxInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<MxPortalMetrics>();
        services.AddMxDatabase(configuration);
        services.AddDataProtection().SetApplicationName("MxPortal").PersistKeysToDbContext<AppDbContext>();
        services.AddMxIdentity(configuration);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditReader>();
        services.AddMxQuarantine(configuration);
        services.AddSingleton<Dashboard.DashboardQueries>();
        services.AddMxBounces();
        services.AddMxDeliveries(configuration);
        services.AddMxJobs(configuration);
        services.AddMxRules(configuration);
        services.AddMxBounceMailboxes();
        services.AddMxBounceRules();
        services.AddMxSync(configuration);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<JobStorageHealthCheck>("jobs");
        return services;
    }
}
