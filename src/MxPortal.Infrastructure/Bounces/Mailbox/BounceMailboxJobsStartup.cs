using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>Registers the mailbox polls at start (after the host's migrations ran in PrepareAsync).</summary>
internal sealed class BounceMailboxJobsStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BounceMailboxJobScheduler>().SyncAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
