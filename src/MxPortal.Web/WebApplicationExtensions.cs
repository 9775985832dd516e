using Hangfire;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.Jobs;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sync;
using MxPortal.Web.Components;
using MxPortal.Web.Endpoints;
using MxPortal.Web.Security;
using MxPortal.Web.Telemetry;

namespace MxPortal.Web;

public static class WebApplicationExtensions
{
    /// <summary>
    /// Brings the database up to date, seeds roles, the bootstrap Administrator and the default MX and bounce rules, and registers recurring jobs.
    /// A bad configuration stops here with a message naming the key.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MxPortal.Startup");
        try
        {
            var portal = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                await scope.ServiceProvider.GetRequiredService<IdentitySeeder>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<MxRulesSeeder>().SeedAsync();
                await scope.ServiceProvider.GetRequiredService<BounceRulesSeeder>().SeedAsync();
            }
            _ = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
            _ = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
            RecurringJobTable.Register(app.Services.GetRequiredService<IRecurringJobManager>(),
                TimeZoneInfo.FindSystemTimeZoneById(portal.TimeZone), app.Services.GetRequiredService<IOptions<SyncOptions>>().Value);
            if (app.Services.GetRequiredService<IOptions<SyncOptions>>().Value.EffectiveRole == SyncRole.Publisher)
                await app.Services.GetRequiredService<SigningKeyStore>().GetAsync();
            // Note: Hangfire keeps its log provider in static state, set by the host that configured it last; a job
            // client takes its loggers when built. Built here, it gets this host's, not those of another (test) host
            // that may be gone by the time the first delivery is started.
            _ = app.Services.GetRequiredService<IBackgroundJobClient>();
        }
        catch (OptionsValidationException e)
        {
            logger.LogCritical("Configuration error: {Errors}", string.Join(" ", e.Failures));
            throw;
        }
    }

    public static WebApplication UseMxPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapMxEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        app.MapAuditEndpoints();
        app.MapMxRulesEndpoints();
        app.MapQuarantineEndpoints();
        app.MapBounceLogEndpoints();
        app.MapDeliveriesEndpoints();
        app.MapDeliveryRecipientsEndpoints();
        app.MapBounceRulesEndpoints();
        app.MapSyncEndpoints();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new HangfireDashboardAuthorization()],
                DashboardTitle = "MxPortal jobs",
                AppPath = "/jobs",
                DisplayStorageConnectionString = false,
            })
            .RequireAuthorization(Policies.Jobs);
        return app;
    }
}
