using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Sync;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;
using MxPortal.Infrastructure.Tests.Sending;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>
/// DOMAIN.md §7 during a long delivery: an address quarantined, denylisted or suppressed after the start is checked
/// again when its batch is claimed, skipped with the start's reasons and counted, and never reaches the MX host; an
/// Allowlisted address is still sent. Real run job, real dnsmasq, scripted MX host; the changes are made mid-run, while
/// the first batch is at the MX host, through the same services the bounce pipelines and the portal use.
/// </summary>
[Collection(DataCollection.Name)]
public sealed class ClaimScreenTests(PostgresFixture postgres, EngineFixture mx) : IClassFixture<EngineFixture>
{
    private const int Batch = 5;

    private static IEnumerable<string> Addresses(int from, int to, string domain = "one.test") => Enumerable.Range(from, to - from + 1).Select(i => $"r{i}@{domain}");

    /// <summary>Applies quarantine events as a bounce or complaint pipeline does: the applier, then one SaveChanges.</summary>
    private static async Task ApplyAsync(DataTestHost host, params (string Address, QuarantineEvent Event)[] events)
    {
        await using var db = await DeliveryRuns.Db(host);
        await host.Services.GetRequiredService<QuarantineApplier>().ApplyAsync(db, events.Select(e => new AddressEvent(e.Address, e.Event)).ToList());
        await db.SaveChangesAsync();
    }

    private static QuarantineEvent HardBounce(string id) => QuarantineEvent.Error(id, FailureType.Hard, FailureReason.UserUnknown, "550 5.1.1 User unknown", deliveryId: null);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task AddressQuarantinedOrDenylistedAfterTheStart_IsSkippedAtItsClaim_NeverSent_WhileAnAllowlistedOneIsSent(string provider)
    {
        await using var host = await DeliveryRuns.HostAsync(provider, postgres, mx, Batch);
        await ApplyAsync(host, ("r11@one.test", QuarantineEvent.Allowlist("olivia", "our biggest customer")));
        var id = await DeliveryDrafts.WithRecipientsAsync(host, Addresses(1, 15));
        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);
        // While batch 1 (r1-r5) is at the MX host: a hard bounce from another campaign for r8, a complaint for r9
        // (both in batch 2), and a hard bounce for the Allowlisted r11 (batch 3), which the policy ignores.
        await using var server = mx.Server(EngineFixture.Live1, DeliveryRuns.OnFirstRecipient(() => ApplyAsync(host,
            ("R8@one.test", HardBounce("other-delivery:1")), ("r9@one.test", QuarantineEvent.Complaint("arf:1", "abuse report")),
            ("r11@one.test", HardBounce("other-delivery:2")))));

        await DeliveryRuns.RunAsync(host, id);

        Assert.Equal(Addresses(1, 15).Except(["r8@one.test", "r9@one.test"]).Order(), server.Messages.SelectMany(m => m.Recipients).Order());
        await using var db = await DeliveryRuns.Db(host);
        var skipped = await db.DeliveryRecipients.Where(r => r.DeliveryId == id && r.State == RecipientState.Skipped)
            .OrderBy(r => r.Id).Select(r => new { r.Address, r.FailureReason, r.Attempts, r.LeaseOwner }).ToListAsync();
        Assert.Equal([("r8@one.test", FailureReason.AddressInQuarantine), ("r9@one.test", FailureReason.DenylistedAddress)],
            skipped.Select(s => (s.Address, s.FailureReason!.Value)));
        Assert.All(skipped, s => Assert.Equal((0, null), (s.Attempts, s.LeaseOwner)));
        Assert.Equal(13, await db.DeliveryAttempts.CountAsync(a => a.DeliveryId == id));
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
        Assert.Equal((DeliveryStatus.Completed, 13, 0, 2), (delivery.Status, delivery.SentCount, delivery.FailedCount, delivery.SkippedCount));
        var live = (await host.Services.GetRequiredService<DeliveryReader>().LiveAsync(id))!;
        Assert.Equal((13, 2), (live.States[RecipientState.Sent], live.States[RecipientState.Skipped]));
        Assert.Equal(AddressStatus.Allowlisted, (await db.QuarantineRecords.SingleAsync(q => q.Address == "r11@one.test")).Status);
    }

    [Fact]
    public async Task SuppressionEntriesAddedMidRun_SkipTheirAddressesAndSubdomains_EvenAWholeBatch_AndTheRunGoesOn()
    {
        await using var host = await DeliveryRuns.HostAsync("Sqlite", postgres, mx, Batch);
        var id = await DeliveryDrafts.WithRecipientsAsync(host,
            Addresses(1, 5).Concat(Addresses(1, 5, "mail.blocked.test")).Concat(Addresses(6, 7)));
        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);
        var editor = Principals.With("dora", "deliv-1", Roles.Deliverability);
        var list = host.Services.GetRequiredService<SuppressionStore>();
        await using var server = mx.Server(EngineFixture.Live1, DeliveryRuns.OnFirstRecipient(async () =>
        {
            Assert.Null(await list.AddAsync(editor, "blocked.test", "spam traps"));
            Assert.Null(await list.AddAsync(editor, "R7@one.test"));
        }));

        await DeliveryRuns.RunAsync(host, id);

        // Batch 2 is skipped whole; the run claims batch 3 in the same job and sends r6.
        Assert.Equal(Addresses(1, 6).Order(), server.Messages.SelectMany(m => m.Recipients).Order());
        await using var db = await DeliveryRuns.Db(host);
        var skipped = await db.DeliveryRecipients.Where(r => r.DeliveryId == id && r.State == RecipientState.Skipped)
            .OrderBy(r => r.Id).Select(r => new { r.AddressKey, r.FailureReason }).ToListAsync();
        Assert.Equal(Addresses(1, 5, "mail.blocked.test").Append("r7@one.test"), skipped.Select(s => s.AddressKey));
        Assert.All(skipped, s => Assert.Equal(FailureReason.DenylistedAddress, s.FailureReason));
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
        Assert.Equal((DeliveryStatus.Completed, 6, 6), (delivery.Status, delivery.SentCount, delivery.SkippedCount));
    }

    [Fact]
    public async Task RetryOfAnAddressQuarantinedMeanwhile_IsSkippedWhenItIsDue()
    {
        await using var host = await DeliveryRuns.HostAsync("Sqlite", postgres, mx, Batch);
        var id = await DeliveryDrafts.WithRecipientsAsync(host, ["a@one.test", "b@one.test"]);
        Assert.True((await host.Services.GetRequiredService<DeliveryService>().StartAsync(DeliveryDrafts.Operator, id)).Applied);
        await using (var busy = mx.Server(EngineFixture.Live1, new TestSupport.Mail.SmtpScript { RecipientReply = _ => "452 4.2.2 Mailbox full" }))
            await DeliveryRuns.RunAsync(host, id);
        Assert.Equal(2, (await DeliveryRuns.StatesAsync(host, id))[RecipientState.Deferred]);

        await ApplyAsync(host, ("b@one.test", QuarantineEvent.Quarantine("olivia", "asked by the customer")));
        host.Time.Advance(TimeSpan.FromHours(1));
        await using var server = mx.Server(EngineFixture.Live1);
        await DeliveryRuns.RunAsync(host, id);

        Assert.Equal(["a@one.test"], server.Messages.SelectMany(m => m.Recipients));
        await using var db = await DeliveryRuns.Db(host);
        var b = await db.DeliveryRecipients.SingleAsync(r => r.DeliveryId == id && r.AddressKey == "b@one.test");
        Assert.Equal((RecipientState.Skipped, FailureReason.AddressInQuarantine, (DateTime?)null), (b.State, b.FailureReason, b.NextAttemptUtc));
        var delivery = await db.Deliveries.SingleAsync(d => d.Id == id);
        Assert.Equal((DeliveryStatus.Completed, 1, 1), (delivery.Status, delivery.SentCount, delivery.SkippedCount));
    }
}
