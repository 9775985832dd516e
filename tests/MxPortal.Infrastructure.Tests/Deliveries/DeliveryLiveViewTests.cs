using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Dashboard;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Budgets;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Sending;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>
/// What the delivery page reads, on each provider: counts by state, domains, attempts per minute (raw SQL per
/// provider), last errors, and the budget ledger as the publisher writes it to BudgetStates.
/// </summary>
[Collection(DataCollection.Name)]
public sealed class DeliveryLiveViewTests(PostgresFixture postgres, EngineFixture mx) : IClassFixture<EngineFixture>
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task LiveView_AfterARun_ShowsStatesDomainsThroughputAndLastErrors(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres, new Dictionary<string, string?>
        {
            ["Dns:NameServers:0"] = mx.Dns.NameServer,
            ["Sending:SmtpPort"] = mx.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await DeliveryDrafts.PrepareAsync(host);
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript { RecipientReply = r => r.StartsWith("gone", StringComparison.Ordinal) ? "550 5.1.1 User unknown" : null });
        var addresses = Enumerable.Range(1, 6).Select(i => $"r{i}@one.test").Append("gone@one.test").Append("x@down.test").Append("y@down.test");
        var id = await DeliveryDrafts.WithRecipientsAsync(host, addresses);
        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DeliveryRunJob>().RunAsync(id, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromSeconds(30));

        var view = (await host.Services.GetRequiredService<DeliveryReader>().LiveAsync(id))!;

        Assert.Equal((6, 1, 2), (view.Count(RecipientState.Sent), view.Count(RecipientState.Failed), view.Count(RecipientState.Deferred)));
        Assert.Equal(0, view.Waiting);
        Assert.Equal(100.0 * 7 / 9, view.Percent, 3);
        Assert.Equal([("one.test", 7, 6, 1), ("down.test", 2, 0, 0)], view.Domains.Select(d => (d.Domain, d.Total, d.Sent, d.Failed)));
        var minute = view.Throughput[^1];
        Assert.Equal((6, 2, 1), (minute.Sent, minute.Deferred, minute.Failed));
        Assert.Equal(9, view.Throughput.Sum(p => p.Sent + p.Deferred + p.Failed));
        Assert.Equal(["gone@one.test", "x@down.test", "y@down.test"], view.LastErrors.Select(e => e.Address).Order());
        Assert.Contains(view.LastErrors, e => e.Reply.Contains("User unknown", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task BudgetPublisher_WritesTheActiveBudgets_DropsIdleOnes_AndTheReaderHidesStaleRows(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await DeliveryDrafts.PrepareAsync(host);
        var id = await DeliveryDrafts.CreateAsync(host);
        var ledger = host.Services.GetRequiredService<IBudgetLedger>();
        var busy = new BudgetKey("*.one.test", 1, null);
        var suspended = new BudgetKey("*", 1, System.Net.IPAddress.Parse("127.0.0.31"));
        Assert.True(ledger.TryOpenConnection(busy, 5));
        Assert.True(ledger.TryReserveMessage(busy, 100, 1000).Granted);
        ledger.Suspend(suspended, host.Time.GetUtcNow().UtcDateTime.AddMinutes(30), "421 4.16.55 [TS01] deferred due to excessive user complaints");
        ledger.TryOpenConnection(new BudgetKey("*.idle.test", 1, null), 5);
        ledger.CloseConnection(new BudgetKey("*.idle.test", 1, null));
        var publisher = ActivatorUtilities.CreateInstance<BudgetStatePublisher>(host.Services);

        await publisher.PublishAsync();

        var budgets = (await host.Services.GetRequiredService<DeliveryReader>().LiveAsync(id))!.Budgets;
        Assert.Equal(["*", "*.one.test"], budgets.Select(b => b.RuleMask));
        Assert.Equal((1, 1, "shared"), (budgets[1].OpenConnections, budgets[1].SentThisSlice, budgets[1].RemoteIp ?? "shared"));
        Assert.Equal(("127.0.0.31", host.Time.GetUtcNow().UtcDateTime.AddMinutes(30)), (budgets[0].RemoteIp!, budgets[0].SuspendedUntilUtc!.Value));
        Assert.Contains("excessive user complaints", budgets[0].SuspensionCause);

        host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await host.Services.GetRequiredService<DeliveryReader>().LiveAsync(id))!.Budgets);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(2, await db.BudgetStates.CountAsync(b => b.Node == BudgetStatePublisher.Node));
    }

    [Fact]
    public async Task BudgetPublisher_PublishesAnOpenDomainBreaker_AndTheDashboardListsItAsABreaker()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await DeliveryDrafts.PrepareAsync(host);
        var breaker = host.Services.GetRequiredService<DomainErrorBreaker>();
        var minimum = host.Services.GetRequiredService<IOptions<DomainBreakerOptions>>().Value.MinimumAttempts;
        DateTime? opened = null;
        for (var i = 0; i < minimum && opened is null; i++) opened = breaker.Record("failing.test", failed: true);
        Assert.NotNull(opened);

        await ActivatorUtilities.CreateInstance<BudgetStatePublisher>(host.Services).PublishAsync();

        var row = Assert.Single(await host.Services.GetRequiredService<DashboardQueries>().ActiveBackoffsAsync());
        Assert.Equal(("failing.test", opened), (row.BreakerDomain, row.SuspendedUntilUtc));
        Assert.Contains("domain error breaker", row.SuspensionCause);
    }
}
