using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Infrastructure.Dashboard;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Quarantine;

namespace MxPortal.Infrastructure.Tests.Dashboard;

/// <summary>The day counters move with the events that cause them, and the dashboard reads them, on each provider.</summary>
[Collection(DataCollection.Name)]
public sealed class DashboardQueriesTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Aggregates_CountBothPipelinesPerDayTypeReasonAndDomain(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var seed = new PipelineSeed(host);
        var addresses = Enumerable.Range(0, 40).Select(i => $"u{i}@gmail.test").Append("gone@yahoo.test").Append("full@yahoo.test").ToArray();
        var (delivery, _) = await seed.DeliveryAsync("Day one", addresses);
        await seed.SendAsync(delivery, r => r.AddressKey switch
        {
            "gone@yahoo.test" => "550 5.1.1 <gone@yahoo.test>: User unknown",
            "full@yahoo.test" => "452 4.2.2 Mailbox full: user is over quota",
            "u0@gmail.test" => "550 5.1.1 <u0@gmail.test>: User unknown",
            _ => null,
        });
        host.Time.Advance(TimeSpan.FromDays(1));
        var mailbox = await seed.MailboxAsync();
        await seed.BounceMailAsync(mailbox, "m1", "u1@gmail.test", "5.1.1", "550 5.1.1 <u1@gmail.test>: no such user");
        var dashboard = host.Services.GetRequiredService<DashboardQueries>();
        var day0 = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);

        var byType = await dashboard.BouncesByTypeAsync(7);
        Assert.Equal([(day0, "Hard", 2L), (day0, "Soft", 1L), (day0.AddDays(1), "Hard", 1L)],
            byType.Select(c => (c.Day, c.Series, c.Count)).OrderBy(c => c.Day).ThenBy(c => c.Series));
        var byReason = await dashboard.BouncesByReasonAsync(7);
        Assert.Equal(3L, byReason.Where(c => c.Series == "UserUnknown").Sum(c => c.Count));
        Assert.Equal(1L, byReason.Single(c => c.Series == "MailboxFull").Count);

        var rates = await dashboard.DomainRatesAsync(7, minAttempts: 1);
        Assert.Equal(["gmail.test", "yahoo.test"], rates.Select(r => r.Domain));
        var gmail = rates[0];
        Assert.Equal((40L, 39L, 2L, 0L), (gmail.Attempts, gmail.Sent, gmail.HardBounces, gmail.SoftBounces));
        Assert.Equal(0.05, gmail.HardRate, 6);
        Assert.True(gmail.HardAbove);
        var yahoo = rates[1];
        Assert.Equal((2L, 0L, 1L, 1L), (yahoo.Attempts, yahoo.Sent, yahoo.HardBounces, yahoo.SoftBounces));
        Assert.True(yahoo.SoftAbove);
        Assert.Empty(await dashboard.DomainRatesAsync(7, minAttempts: 100));
        Assert.Equal((42L, 3L), ((await dashboard.TotalsAsync(7)).Attempts, (await dashboard.TotalsAsync(7)).HardBounces));

        var growth = await dashboard.QuarantineGrowthAsync(3);
        Assert.Equal([(day0.AddDays(-1), 0L, 0L), (day0, 2L, 2L), (day0.AddDays(1), 3L, 1L)], growth.Select(g => (g.Day, g.Total, g.Entered)));
        // Active back-offs: suspended budgets of live nodes only.
        await using (var budgets = await seed.DbAsync())
        {
            var now = host.Time.GetUtcNow().UtcDateTime;
            budgets.BudgetStates.AddRange(
                new() { Node = "a", BudgetKey = "*.yahoodns.net|1|shared", RuleMask = "*.yahoodns.net", SuspendedUntilUtc = now.AddMinutes(40), SuspensionCause = "[TS01]", UpdatedUtc = now },
                new() { Node = "a", BudgetKey = "*|1|shared", RuleMask = "*", UpdatedUtc = now },
                new() { Node = "gone", BudgetKey = "*.google.com|1|shared", RuleMask = "*.google.com", SuspendedUntilUtc = now.AddMinutes(40), UpdatedUtc = now.AddMinutes(-5) });
            await budgets.SaveChangesAsync();
        }
        Assert.Equal(["*.yahoodns.net"], (await dashboard.ActiveBackoffsAsync()).Select(b => b.RuleMask));
        // The counters are the events': recounting the event table gives the same numbers.
        await using var db = await seed.DbAsync();
        Assert.Equal(await db.BounceEvents.CountAsync(), await db.BounceDailyCounts.SumAsync(c => c.Count));
    }
}
