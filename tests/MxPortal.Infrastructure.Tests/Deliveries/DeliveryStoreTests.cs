using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Sending;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Deliveries;

[Collection(DataCollection.Name)]
public sealed class DeliveryStoreTests(PostgresFixture postgres)
{
    private static async Task<(DataTestHost Host, long DeliveryId)> SeedAsync(string provider, PostgresFixture postgres, int recipients)
    {
        var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var delivery = new Delivery { Name = "Black Friday", Status = DeliveryStatus.Running, FromAddress = "news@sender.test",
            Subject = "Hi", TextBody = "Hi", ReturnPathDomain = "sender.test", CreatedUtc = host.Time.GetUtcNow().UtcDateTime,
            StartedUtc = host.Time.GetUtcNow().UtcDateTime, Total = recipients };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        for (var i = 1; i <= recipients; i++)
            db.DeliveryRecipients.Add(new DeliveryRecipient { DeliveryId = delivery.Id, Address = $"r{i}@example.test", AddressKey = $"r{i}@example.test", Domain = "example.test" });
        await db.SaveChangesAsync();
        return (host, delivery.Id);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Claim_TwoNodesAtOnce_NeverClaimTheSameRecipient(string provider)
    {
        var (host, id) = await SeedAsync(provider, postgres, 200);
        await using var _ = host;
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var claimed = new ConcurrentBag<long>();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(node => Task.Run(async () =>
        {
            while (true)
            {
                var batch = await store.ClaimAsync(id, 7, TimeSpan.FromMinutes(5), $"node-{node}");
                foreach (var r in batch) claimed.Add(r.Id);
                if (batch.Count > 0) continue;
                // An empty claim can also mean "another node won every candidate": stop only when none is left.
                await using var db = await contexts.CreateDbContextAsync();
                if (!await db.DeliveryRecipients.AnyAsync(r => r.State == RecipientState.Pending)) return;
            }
        })));

        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        Assert.Equal(200, claimed.Count);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task KilledRun_ItsRecipientsComeBackWhenTheLeaseExpires(string provider)
    {
        var (host, id) = await SeedAsync(provider, postgres, 10);
        await using var _ = host;
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var lost = await store.ClaimAsync(id, 4, TimeSpan.FromMinutes(2), "killed-node");
        Assert.Equal(4, lost.Count);

        var meanwhile = await store.ClaimAsync(id, 100, TimeSpan.FromMinutes(2), "survivor");
        Assert.Equal(6, meanwhile.Count);                        // the killed run's rows are still leased
        host.Time.Advance(TimeSpan.FromMinutes(3));

        var recovered = await store.ClaimAsync(id, 100, TimeSpan.FromMinutes(2), "restarted");

        Assert.Equal(10, recovered.Count);                       // its 4 and the survivor's 6, both leases expired
        Assert.Equal(lost.Select(r => r.Id).Order(), recovered.Select(r => r.Id).Where(lost.Select(l => l.Id).Contains).Order());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Record_AppliesSentFailedDeferredAndExpiry(string provider)
    {
        var (host, id) = await SeedAsync(provider, postgres, 4);
        await using var _ = host;
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var batch = await store.ClaimAsync(id, 4, TimeSpan.FromMinutes(5), "node");
        var now = host.Time.GetUtcNow().UtcDateTime;
        var classifier = new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create()));
        AttemptRecord Rec(DeliveryRecipient r, AttemptOutcome o, DateTime at) =>
            new(new OutgoingMessage(r.Id, r.Address, "b@sender.test", MessageContent.From(new MimeMessage())), o, at, "mx.example.test");

        await store.RecordAsync(id, [
            Rec(batch[0], AttemptOutcome.Sent("250 2.0.0 Ok"), now),
            Rec(batch[1], AttemptOutcome.From(new SmtpFailure(SmtpStage.RcptTo, 550, "550 5.1.1 User unknown"), classifier), now),
            Rec(batch[2], AttemptOutcome.From(new SmtpFailure(SmtpStage.RcptTo, 452, "452 4.2.2 Mailbox full"), classifier), now),
            // deferred on the last day of validity: no retry fits before it ends, so it fails
            Rec(batch[3], AttemptOutcome.From(new SmtpFailure(SmtpStage.Connect, 0, "connection refused"), classifier), now.AddDays(5).AddMinutes(-30)),
        ]);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.DeliveryRecipients.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([RecipientState.Sent, RecipientState.Failed, RecipientState.Deferred, RecipientState.Failed], rows.Select(r => r.State));
        Assert.Equal(now.AddHours(1), rows[2].NextAttemptUtc);
        Assert.Equal((FailureType.Soft, FailureReason.Unreachable), (rows[3].FailureType, rows[3].FailureReason));
        Assert.All(rows, r => Assert.Null(r.LeaseOwner));
        var delivery = await db.Deliveries.SingleAsync();
        Assert.Equal((1, 2), (delivery.SentCount, delivery.FailedCount));
        Assert.Equal(4, await db.DeliveryAttempts.CountAsync(a => a.DeliveryId == id));
        Assert.Equal("User unknown", (await db.DeliveryAttempts.SingleAsync(a => a.RecipientId == rows[1].Id)).FailureReason!.Value.ToDisplayName());

        host.Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(rows[2].NextAttemptUtc, await store.NextDueAsync(id));
        host.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(rows[2].Id, Assert.Single(await store.ClaimAsync(id, 10, TimeSpan.FromMinutes(5), "node")).Id);
    }

    [Fact]
    public async Task Postponed_IsDueAgainWhenTheBudgetOpens_WithoutUsingARetry()
    {
        var (host, id) = await SeedAsync("Sqlite", postgres, 1);
        await using var _ = host;
        var store = host.Services.GetRequiredService<DeliveryStore>();
        var r = Assert.Single(await store.ClaimAsync(id, 1, TimeSpan.FromMinutes(5), "node"));
        var until = host.Time.GetUtcNow().UtcDateTime.AddHours(1);

        await store.RecordAsync(id, [new AttemptRecord(new OutgoingMessage(r.Id, r.Address, "b@sender.test", MessageContent.From(new MimeMessage())),
            AttemptOutcome.Postponed(until, "budget suspended"), host.Time.GetUtcNow().UtcDateTime)]);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await db.DeliveryRecipients.SingleAsync();
        Assert.Equal((RecipientState.Deferred, until, 0), (row.State, row.NextAttemptUtc!.Value, row.Attempts));
        Assert.Equal(0, await db.DeliveryAttempts.CountAsync());
    }
}
