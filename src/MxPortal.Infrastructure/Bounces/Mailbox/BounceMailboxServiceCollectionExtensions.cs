using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

public static class BounceMailboxServiceCollectionExtensions
{
    /// <summary>Bounce mailbox polling: settings service, the poll job, its MailKit connector and the rules seam.</summary>
    public static IServiceCollection AddMxBounceMailboxes(this IServiceCollection services)
    {
        services.TryAddSingleton<IBounceMailboxConnector, MailKitBounceMailboxConnector>();
        services.TryAddSingleton<IBounceRuleSource, DefaultBounceRuleSource>();
        services.TryAddSingleton<BounceMailParser>();
        services.AddSingleton<MailboxPasswordProtector>();
        services.AddSingleton<MailboxPollLease>();
        services.AddSingleton<BounceMailRecorder>();
        services.AddSingleton<BounceMailboxJobScheduler>();
        services.AddSingleton<BounceMailboxService>();
        services.AddSingleton<UnparsedMailService>();
        services.AddScoped<BounceMailboxPollJob>();
        services.AddHostedService<BounceMailboxJobsStartup>();
        return services;
    }
}
