using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sending;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Sending;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Deliveries;

[Collection(DataCollection.Name)]
public sealed class DeliveryRunJobTests(PostgresFixture postgres, EngineFixture mx) : IClassFixture<EngineFixture>
{
    private async Task<(DataTestHost Host, long DeliveryId)> SeedAsync(string provider, IEnumerable<string> addresses,
        SmtpTransportKind transport = SmtpTransportKind.Native)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres, new Dictionary<string, string?>
        {
            ["Dns:NameServers:0"] = mx.Dns.NameServer,
            ["Sending:SmtpPort"] = mx.SmtpPort.ToString(),
            ["Sending:Transport"] = transport.ToString(),
        });
        return (host, await DeliveryTestData.SeedAsync(host, addresses));
    }

    private static async Task RunAsync(DataTestHost host, long id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliveryRunJob>().RunAsync(id, CancellationToken.None);
    }

    public static TheoryData<string> Providers => new() { "Sqlite", "Postgres" };

    [Theory, BothTransports(nameof(Providers))]
    public async Task Run_SendsEveryRecipient_RecordsEachOutcome_AndCompletes(SmtpTransportKind transport, string provider)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript
        {
            RecipientReply = r => r.StartsWith("gone") ? "550 5.1.1 User unknown" : null,
        });
        var addresses = Enumerable.Range(1, 30).Select(i => $"r{i}@one.test").Append("gone1@one.test").Append("x@nullmx.test").ToList();
        var (host, id) = await SeedAsync(provider, addresses, transport);
        await using var _ = host;

        await RunAsync(host, id);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var states = await db.DeliveryRecipients.GroupBy(r => r.State).ToDictionaryAsync(g => g.Key, g => g.Count());
        Assert.Equal(30, states[RecipientState.Sent]);
        Assert.Equal(2, states[RecipientState.Failed]);
        Assert.Equal(32, await db.DeliveryAttempts.CountAsync());
        var delivery = await db.Deliveries.SingleAsync();
        Assert.Equal((DeliveryStatus.Completed, 30, 2), (delivery.Status, delivery.SentCount, delivery.FailedCount));
        Assert.Equal(30, server.Messages.Count);
        var first = server.Messages.First();
        Assert.Matches(@"^bounce\+\d+-\d+@sender\.test$", first.MailFrom);
        Assert.Contains("X-MxPortal-Id: " + first.MailFrom["bounce+".Length..first.MailFrom.IndexOf('@')], first.Content);
    }

    [Fact]
    public async Task Run_WithDeferredRecipients_SchedulesItselfForTheRetryTime()
    {
        var (host, id) = await SeedAsync("Sqlite", ["a@down.test", "b@down.test"]);
        await using var _ = host;

        await RunAsync(host, id);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.All(await db.DeliveryRecipients.ToListAsync(), r =>
            Assert.Equal((RecipientState.Deferred, host.Time.GetUtcNow().UtcDateTime.AddHours(1)), (r.State, r.NextAttemptUtc!.Value)));
        Assert.Equal(DeliveryStatus.Running, (await db.Deliveries.SingleAsync()).Status);
        Assert.Equal(1, host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledCount());
    }
}
