using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>The quarantine list and the address page over records the pipelines wrote, on each provider.</summary>
[Collection(DataCollection.Name)]
public sealed class QuarantineQueryTests(PostgresFixture postgres)
{
    private static async Task<PipelineSeed> SeedAsync(DataTestHost host)
    {
        await host.MigrateAsync();
        var seed = new PipelineSeed(host);
        var (d1, _) = await seed.DeliveryAsync("First", "gone@gmail.test", "full@yahoo.test", "ok@gmail.test", "nobody@yahoo.test");
        await seed.SendAsync(d1, r => r.AddressKey switch
        {
            "gone@gmail.test" => "550 5.1.1 <gone@gmail.test>: Recipient address rejected: User unknown",
            "full@yahoo.test" => "452 4.2.2 Mailbox full: user is over quota",
            "nobody@yahoo.test" => "550 5.1.1 <nobody@yahoo.test>: User unknown",
            _ => null,
        });
        host.Time.Advance(TimeSpan.FromDays(3));
        var mailbox = await seed.MailboxAsync();
        await seed.BounceMailAsync(mailbox, "m1", "ghost@outlook.test", "5.1.1", "550 5.1.1 <ghost@outlook.test>: no such user");
        return seed;
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task List_FiltersSortsAndPagesOnTheServer(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await SeedAsync(host);
        var query = host.Services.GetRequiredService<QuarantineQuery>();
        var day0 = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        async Task<string[]> Addresses(QuarantineListFilter f, int page = 0, int size = 50) =>
            (await query.PageAsync(f, page, size)).Items.Select(r => r.Address).ToArray();

        Assert.Equal(["ghost@outlook.test", "nobody@yahoo.test", "full@yahoo.test", "gone@gmail.test"], await Addresses(new()));
        Assert.Equal(["full@yahoo.test", "ghost@outlook.test", "gone@gmail.test", "nobody@yahoo.test"], await Addresses(new(Sort: QuarantineSort.Address, Descending: false)));
        Assert.Equal(["ghost@outlook.test", "gone@gmail.test"], await Addresses(new(AddressContains: "G", Sort: QuarantineSort.Address, Descending: false)));
        Assert.Equal(["ghost@outlook.test"], await Addresses(new(AddressContains: "o", Domain: "outlook.test")));
        Assert.Equal(["nobody@yahoo.test", "full@yahoo.test"], await Addresses(new(Domain: "Yahoo.test")));
        Assert.Equal(["full@yahoo.test"], await Addresses(new(Status: AddressStatus.WithErrors)));
        Assert.Equal(["full@yahoo.test"], await Addresses(new(Reason: FailureReason.MailboxFull)));
        Assert.Equal(["ghost@outlook.test", "nobody@yahoo.test", "gone@gmail.test"], await Addresses(new(Type: FailureType.Hard)));
        Assert.Equal(["nobody@yahoo.test", "full@yahoo.test", "gone@gmail.test"], await Addresses(new(FromUtc: day0, ToUtc: day0.AddDays(1))));
        Assert.Equal(["ghost@outlook.test"], await Addresses(new(Sort: QuarantineSort.Address, Descending: false), page: 1, size: 1));
        var page = await query.PageAsync(new(Status: AddressStatus.Quarantine), 0, 2);
        Assert.Equal((3, false, 2), (page.Total, page.TotalIsCapped, page.Items.Count));
        var exported = new List<string>();
        await foreach (var row in query.StreamAsync(new(Domain: "gmail.test"))) exported.Add(row.Address);
        Assert.Equal(["gone@gmail.test"], exported);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Address_ShowsRecordHistoryAndBounceEventsWithTheirDelivery(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await SeedAsync(host);
        var query = host.Services.GetRequiredService<QuarantineQuery>();

        var page = await query.AddressAsync(" Gone@Gmail.test");

        Assert.Equal(("gone@gmail.test", AddressStatus.Quarantine, FailureReason.UserUnknown), (page.Address, page.Record!.Status, page.Record.Reason));
        var entry = Assert.Single(page.History);
        Assert.Equal((AddressStatus.Valid, AddressStatus.Quarantine, "system", true), (entry.OldStatus, entry.NewStatus, entry.Actor, entry.Counted));
        Assert.StartsWith("550 5.1.1", entry.Text, StringComparison.Ordinal);
        var bounce = Assert.Single(page.Bounces);
        Assert.Equal(("First", entry.DeliveryId), (bounce.DeliveryName, bounce.DeliveryId));
        Assert.False(page.MoreBounces);
        var unknown = await query.AddressAsync("never@seen.test");
        Assert.Null(unknown.Record);
        Assert.Empty(unknown.Bounces);
    }
}
