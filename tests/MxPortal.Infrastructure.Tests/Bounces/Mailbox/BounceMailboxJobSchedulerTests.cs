using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Jobs;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

[Collection(DataCollection.Name)]
public sealed class BounceMailboxJobSchedulerTests(PostgresFixture postgres, DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    [Fact]
    public async Task Sync_KeepsOnePollPerEnabledMailbox_AndThePollRunsUnderHangfire()
    {
        await using var t = await MailboxTestContext.CreateAsync("Sqlite", postgres, dovecot.Server, MailProtocol.Pop3);
        t.Deliver("lhost-exim-01.eml");
        var storage = t.Host.Services.GetRequiredService<JobStorage>();
        var recurring = t.Host.Services.GetRequiredService<IRecurringJobManager>();
        // A mailbox deleted while the portal was down leaves its poll behind.
        RecurringJobTable.RegisterBounceMailbox(recurring, 999, 5);

        await t.Host.Services.GetRequiredService<BounceMailboxJobScheduler>().SyncAsync(CancellationToken.None);

        string pollId = RecurringJobTable.BounceMailbox(t.MailboxId);
        using (var connection = storage.GetConnection())
            Assert.Equal([pollId], connection.GetRecurringJobs().Select(j => j.Id));

        // Note: a real job server, so the [DisableConcurrentExecution] resource and the activator are exercised too.
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 1, Activator = t.Host.Services.GetRequiredService<JobActivator>() }, storage);
        recurring.Trigger(pollId);
        await WaitForSucceededAsync(storage, pollId);

        Assert.Equal(0, t.InMailbox);
        await using var db = await t.DbAsync();
        Assert.Equal(1, await db.ProcessedBounceMails.CountAsync());
    }

    private static async Task WaitForSucceededAsync(JobStorage storage, string recurringId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            using var connection = storage.GetConnection();
            var jobId = connection.GetRecurringJobs().Single(j => j.Id == recurringId).LastJobId;
            var state = jobId is null ? null : connection.GetStateData(jobId);
            if (state?.Name == "Succeeded") return;
            Assert.NotEqual("Failed", state?.Name);
            await Task.Delay(50);
        }
        throw new TimeoutException($"{recurringId} did not succeed in 60 s");
    }
}
