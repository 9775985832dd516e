using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Sending;
using MxPortal.Infrastructure.Telemetry;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Telemetry;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>Synchronous outcomes reach the quarantine in the transaction that records them (issue 6, item 2).</summary>
[Collection(DataCollection.Name)]
public sealed class DeliveryStoreQuarantineTests(PostgresFixture postgres)
{
    private static readonly BounceClassifier Classifier = new(BounceRuleSet.Create(DefaultBounceRules.Create()));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task HardOutcome_QuarantinesTheAddress_SoftCountsAndSentLeavesNoRow(string provider)
    {
        var (host, id) = await SeedAsync(provider, ["Gone@Example.test", "full@example.test", "ok@example.test"]);
        await using var _ = host;
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var batch = await store.ClaimAsync(id, 3, TimeSpan.FromMinutes(5), "node");
        using var metrics = new MetricsProbe(host.Services);
        var transitions = metrics.Collect<long>("mxportal.quarantine.transitions");

        await store.RecordAsync(id, [
            Failure(host, batch[0], 550, "550 5.1.1 User unknown"),
            Failure(host, batch[1], 452, "452 4.2.2 Mailbox full"),
            Rec(host, batch[2], AttemptOutcome.Sent("250 2.0.0 Ok")),
        ]);

        await using var db = await Db(host);
        var records = await db.QuarantineRecords.Include(r => r.History).OrderBy(r => r.Address).ToListAsync();
        Assert.Equal(["full@example.test", "gone@example.test"], records.Select(r => r.Address));
        var full = records[0];
        var gone = records[1];
        Assert.Equal((AddressStatus.Quarantine, FailureType.Hard, FailureReason.UserUnknown, 1), (gone.Status, gone.Type, gone.Reason, gone.ErrorCount));
        Assert.Equal(id, gone.DeliveryId);
        Assert.Equal("550 5.1.1 User unknown", gone.LastErrorText);
        Assert.Equal($"attempt:{batch[0].Id}:1", Assert.Single(gone.History).EventId);
        Assert.Equal((AddressStatus.WithErrors, 1), (full.Status, full.ErrorCount));
        Assert.Equal(3, await db.DeliveryAttempts.CountAsync());
        Assert.Equal((1, 1, 2), (transitions.Sum($"{MetricTags.QuarantineStatus}=quarantine"),
            transitions.Sum($"{MetricTags.QuarantineStatus}=with_errors", $"{MetricTags.PreviousStatus}=valid"), transitions.Sum()));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task FailureWhileApplyingTheQuarantine_LeavesNeitherTheOutcomeNorItsEffect(string provider)
    {
        var (host, id) = await SeedAsync(provider, ["gone@example.test"]);
        await using var _ = host;
        var r = Assert.Single(await host.Services.GetRequiredService<DeliveryStore>().ClaimAsync(id, 1, TimeSpan.FromMinutes(5), "node"));
        var failing = new DeliveryStore(new FailingContextFactory(host.Services.GetRequiredService<DbContextOptions<AppDbContext>>()),
            host.Services.GetRequiredService<QuarantineApplier>(), host.Time, host.Services.GetRequiredService<MxPortalMetrics>());
        using var metrics = new MetricsProbe(host.Services);
        var transitions = metrics.Collect<long>("mxportal.quarantine.transitions");

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RecordAsync(id, [Failure(host, r, 550, "550 5.1.1 User unknown")]));

        await using var db = await Db(host);
        Assert.Equal(0, await db.DeliveryAttempts.CountAsync());
        Assert.Equal(0, await db.QuarantineRecords.CountAsync());
        Assert.Equal(0, await db.QuarantineHistory.CountAsync());
        var row = await db.DeliveryRecipients.SingleAsync();
        Assert.Equal((RecipientState.InFlight, 0), (row.State, row.Attempts));
        Assert.Equal(0, transitions.Sum()); // rolled back: nothing to count
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SentAfterErrors_ResetsWithErrorsToValid(string provider)
    {
        var (host, id) = await SeedAsync(provider, ["full@example.test"]);
        await using var _ = host;
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var r = Assert.Single(await store.ClaimAsync(id, 1, TimeSpan.FromMinutes(5), "node"));
        await store.RecordAsync(id, [Failure(host, r, 452, "452 4.2.2 Mailbox full")]);
        host.Time.Advance(TimeSpan.FromHours(2));
        r = Assert.Single(await store.ClaimAsync(id, 1, TimeSpan.FromMinutes(5), "node"));

        await store.RecordAsync(id, [Rec(host, r, AttemptOutcome.Sent("250 2.0.0 Ok"))]);

        await using var db = await Db(host);
        var record = await db.QuarantineRecords.Include(x => x.History).SingleAsync();
        Assert.Equal((AddressStatus.Valid, 0), (record.Status, record.ErrorCount));
        Assert.Equal([$"attempt:{r.Id}:1", $"attempt:{r.Id}:2"], record.History.OrderBy(h => h.Id).Select(h => h.EventId));
    }

    private async Task<(DataTestHost Host, long DeliveryId)> SeedAsync(string provider, string[] addresses)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        await using var db = await Db(host);
        var now = host.Time.GetUtcNow().UtcDateTime;
        var delivery = new Delivery { Name = "Quarantine", Status = DeliveryStatus.Running, FromAddress = "news@sender.test",
            Subject = "Hi", TextBody = "Hi", ReturnPathDomain = "sender.test", CreatedUtc = now, StartedUtc = now, Total = addresses.Length };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        foreach (var a in addresses)
            db.DeliveryRecipients.Add(new DeliveryRecipient { DeliveryId = delivery.Id, Address = a, AddressKey = a.ToLowerInvariant(), Domain = "example.test" });
        await db.SaveChangesAsync();
        return (host, delivery.Id);
    }

    private static Task<AppDbContext> Db(DataTestHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private static AttemptRecord Failure(DataTestHost host, DeliveryRecipient r, int code, string reply) =>
        Rec(host, r, AttemptOutcome.From(new SmtpFailure(SmtpStage.RcptTo, code, reply), Classifier));

    private static AttemptRecord Rec(DataTestHost host, DeliveryRecipient r, AttemptOutcome o) =>
        new(new OutgoingMessage(r.Id, r.Address, "b@sender.test", MessageContent.From(new MimeMessage())), o, host.Time.GetUtcNow().UtcDateTime, "mx.example.test");
}
