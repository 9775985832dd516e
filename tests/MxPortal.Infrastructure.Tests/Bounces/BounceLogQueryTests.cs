using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Quarantine;

namespace MxPortal.Infrastructure.Tests.Bounces;

/// <summary>The bounce log over events recorded by both pipelines, on each provider.</summary>
[Collection(DataCollection.Name)]
public sealed class BounceLogQueryTests(PostgresFixture postgres)
{
    private const string Unknown = "550 5.1.1 <gone@gmail.test>: Recipient address rejected: User unknown";
    private const string Full = "452 4.2.2 Mailbox full: user is over quota";

    private static async Task<(PipelineSeed Seed, long Delivery, long Recipient)> SeedAsync(DataTestHost host)
    {
        await host.MigrateAsync();
        var seed = new PipelineSeed(host);
        var (delivery, recipients) = await seed.DeliveryAsync("November news", "Gone@gmail.test", "full@yahoo.test", "ok@gmail.test", "late@outlook.test");
        await seed.SendAsync(delivery, r => r.AddressKey switch
        {
            "gone@gmail.test" => Unknown,
            "full@yahoo.test" => Full,
            _ => null,
        });
        host.Time.Advance(TimeSpan.FromDays(1));
        var mailbox = await seed.MailboxAsync();
        var late = recipients.Single(r => r.AddressKey == "late@outlook.test");
        await seed.BounceMailAsync(mailbox, "m1", "late@outlook.test", "5.1.1", "550 5.1.1 <late@outlook.test>: mailbox unavailable", $"{delivery}-{late.Id}");
        await seed.BounceMailAsync(mailbox, "m2", "stranger@outlook.test", "5.2.2", "552 5.2.2 Over quota", "999-999");
        return (seed, delivery, late.Id);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task BothPipelines_WriteEvents_LinkedToTheirDeliveryAndRawMail(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var (_, delivery, late) = await SeedAsync(host);
        var log = host.Services.GetRequiredService<BounceLogQuery>();

        var page = await log.PageAsync(new BounceLogFilter(), 0, 50);

        Assert.Equal(["stranger@outlook.test", "late@outlook.test", "full@yahoo.test", "gone@gmail.test"], page.Items.Select(r => r.Address));
        Assert.Equal((4, false), (page.Total, page.TotalIsCapped));
        var gone = page.Items[3];
        Assert.Equal((BounceEventSource.Sync, FailureType.Hard, FailureReason.UserUnknown, delivery, "November news", (long?)null),
            (gone.Source, gone.Type, gone.Reason, gone.DeliveryId, gone.DeliveryName, gone.RawMailId));
        Assert.Equal(Unknown, gone.Text);
        var lateRow = page.Items[1];
        Assert.Equal((BounceEventSource.Async, delivery, "November news"), (lateRow.Source, lateRow.DeliveryId, lateRow.DeliveryName));
        Assert.Contains("late@outlook.test", System.Text.Encoding.ASCII.GetString((await log.RawMailAsync(lateRow.Id))!));
        await using var db = await new PipelineSeed(host).DbAsync();
        Assert.Equal(late, (await db.BounceEvents.SingleAsync(e => e.Id == lateRow.Id)).RecipientId);
        // An unknown VERP token links nothing; a synchronous event has no raw mail.
        Assert.Null(page.Items[0].DeliveryId);
        Assert.Null(await log.RawMailAsync(gone.Id));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task EachFilter_NarrowsTheLog(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var (_, delivery, _) = await SeedAsync(host);
        var log = host.Services.GetRequiredService<BounceLogQuery>();
        var day0 = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        async Task<string[]> Addresses(BounceLogFilter f) => (await log.PageAsync(f, 0, 50)).Items.Select(r => r.Address).Order().ToArray();

        Assert.Equal(["gone@gmail.test"], await Addresses(new(Address: " GONE@gmail.test ")));
        Assert.Equal(["late@outlook.test", "stranger@outlook.test"], await Addresses(new(Domain: "Outlook.test")));
        Assert.Equal(["gone@gmail.test", "late@outlook.test"], await Addresses(new(Type: FailureType.Hard)));
        Assert.Equal(["full@yahoo.test", "stranger@outlook.test"], await Addresses(new(Reason: FailureReason.MailboxFull)));
        Assert.Equal(["full@yahoo.test", "gone@gmail.test", "late@outlook.test"], await Addresses(new(DeliveryId: delivery)));
        Assert.Equal(["full@yahoo.test", "gone@gmail.test"], await Addresses(new(FromUtc: day0, ToUtc: day0.AddDays(1))));
        Assert.Equal(["full@yahoo.test", "stranger@outlook.test"], await Addresses(new(Text: "QUOTA")));
        Assert.Empty(await Addresses(new(Text: "no such text anywhere")));
        var rule = (await log.PageAsync(new(Address: "gone@gmail.test"), 0, 1)).Items[0].Decider;
        Assert.Contains("gone@gmail.test", await Addresses(new(Rule: rule)));
        var oldest = await log.PageAsync(new(OldestFirst: true), 1, 2);
        Assert.Equal(["late@outlook.test", "stranger@outlook.test"], oldest.Items.Select(r => r.Address));
        // Moving forward from a page's last row (keyset) gives what skipping to the next page gives, both orders.
        foreach (var oldestFirst in new[] { true, false })
        {
            var first = await log.PageAsync(new(OldestFirst: oldestFirst), 0, 3);
            var next = await log.PageAsync(new(OldestFirst: oldestFirst), 1, 3, after: first.Items[^1]);
            Assert.Equal((await log.PageAsync(new(OldestFirst: oldestFirst), 1, 3)).Items.Select(r => r.Id), next.Items.Select(r => r.Id));
            Assert.Single(next.Items);
        }
        var streamed = new List<string>();
        await foreach (var row in log.StreamAsync(new(Domain: "gmail.test"))) streamed.Add(row.Address);
        Assert.Equal(["gone@gmail.test"], streamed);
    }
}
