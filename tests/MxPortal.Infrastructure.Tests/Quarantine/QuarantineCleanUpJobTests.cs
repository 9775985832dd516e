using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Telemetry;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Telemetry;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>The daily clean-up (issue 6, item 3) on the database, with the default 10 and 30 days.</summary>
[Collection(DataCollection.Name)]
public sealed class QuarantineCleanUpJobTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ResetsWithErrorsAfter10Days_ReleasesMailboxFullAfter30_NeverUserUnknown(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        await ApplyAsync(host,
            new("soft@example.test", QuarantineEvent.Error("e1", FailureType.Soft, FailureReason.Unreachable, "421 try later")),
            new("full@example.test", QuarantineEvent.Quarantine("ops", "known full", FailureReason.MailboxFull)),
            new("gone@example.test", QuarantineEvent.Error("e2", FailureType.Hard, FailureReason.UserUnknown, "550 5.1.1 User unknown")));
        using var metrics = new MetricsProbe(host.Services);
        var transitions = metrics.Collect<long>("mxportal.quarantine.transitions");

        host.Time.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunAsync(host));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await RunAsync(host));
        Assert.Equal(AddressStatus.Valid, (await StatusesAsync(host))["soft@example.test"]);

        host.Time.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, await RunAsync(host));
        Assert.Equal(0, await RunAsync(host));                   // safe to run twice
        host.Time.Advance(TimeSpan.FromDays(365));
        Assert.Equal(0, await RunAsync(host));

        var statuses = await StatusesAsync(host);
        Assert.Equal((AddressStatus.Valid, AddressStatus.Valid, AddressStatus.Quarantine),
            (statuses["soft@example.test"], statuses["full@example.test"], statuses["gone@example.test"]));
        await using var db = await Db(host);
        var cleanUps = await db.QuarantineHistory.Where(h => h.Kind == QuarantineEventKind.CleanUp).ToListAsync();
        Assert.Equal(2, cleanUps.Count);
        Assert.All(cleanUps, h => Assert.Equal((QuarantineEvent.SystemActor, AddressStatus.Valid), (h.Actor, h.NewStatus)));
        Assert.Equal((1, 1, 2), (transitions.Sum($"{MetricTags.QuarantineStatus}=valid", $"{MetricTags.PreviousStatus}=with_errors"),
            transitions.Sum($"{MetricTags.QuarantineStatus}=valid", $"{MetricTags.PreviousStatus}=quarantine"), transitions.Sum()));
    }

    [Fact]
    public async Task MoreCandidatesThanAPage_AreAllProcessed()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await host.MigrateAsync();
        var count = QuarantineCleanUpJob.PageSize * 2 + 7;
        await ApplyAsync(host, Enumerable.Range(0, count)
            .Select(i => new AddressEvent($"a{i}@example.test", QuarantineEvent.Error($"e{i}", FailureType.Soft, FailureReason.MailboxFull, "452")))
            .ToArray());
        host.Time.Advance(TimeSpan.FromDays(11));

        Assert.Equal(count, await RunAsync(host));

        Assert.All((await StatusesAsync(host)).Values, s => Assert.Equal(AddressStatus.Valid, s));
    }

    private static async Task ApplyAsync(DataTestHost host, params AddressEvent[] events)
    {
        await using var db = await Db(host);
        await host.Services.GetRequiredService<QuarantineApplier>().ApplyAsync(db, events);
        await db.SaveChangesAsync();
    }

    private static async Task<int> RunAsync(DataTestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuarantineCleanUpJob>().RunAsync(CancellationToken.None);
    }

    private static async Task<Dictionary<string, AddressStatus>> StatusesAsync(DataTestHost host)
    {
        await using var db = await Db(host);
        return await db.QuarantineRecords.ToDictionaryAsync(r => r.Address, r => r.Status);
    }

    private static Task<AppDbContext> Db(DataTestHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
}
