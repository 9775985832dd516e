using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Recipients;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>The recipients page's combined equality filters: which index drives, and that every choice gives the same rows.</summary>
[Collection(DataCollection.Name)]
public sealed class RecipientFilterPlanTests(PostgresFixture postgres)
{
    /// <summary>
    /// 400 recipients: big.test (395; Sent, Deferred/Soft, Failed/Hard with a few reasons, Pending), rare.test (5, Sent),
    /// and another delivery with the same mix that no filter may return.
    /// </summary>
    private static async Task<(AppDbContext Db, RecipientListQuery Query, long Delivery)> SeedAsync(DataTestHost host)
    {
        var delivery = await DeliveryTestData.SeedAsync(host, []);
        var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var other = new Delivery { Name = "Other", FromAddress = "news@sender.test", Subject = "Hi", ReturnPathDomain = "sender.test", CreatedUtc = host.Time.GetUtcNow().UtcDateTime };
        db.Deliveries.Add(other);
        await db.SaveChangesAsync();
        foreach (var id in new[] { delivery, other.Id })
            for (var i = 0; i < 400; i++)
            {
                var domain = i % 80 == 7 ? "rare.test" : "big.test";
                var (state, type, reason) = (i % 10, domain) switch
                {
                    (_, "rare.test") => (RecipientState.Sent, (FailureType?)null, (FailureReason?)null),
                    (0 or 1, _) => (RecipientState.Deferred, FailureType.Soft, i % 3 == 0 ? FailureReason.MailboxFull : FailureReason.NotDefined),
                    (2, _) => (RecipientState.Failed, FailureType.Hard, i % 40 == 2 ? FailureReason.UserUnknown : FailureReason.InvalidDomain),
                    (3, _) => (RecipientState.Pending, null, null),
                    _ => (RecipientState.Sent, null, null),
                };
                db.DeliveryRecipients.Add(new DeliveryRecipient { DeliveryId = id, Address = $"u{i}@{domain}", AddressKey = $"u{i}@{domain}", Domain = domain,
                    State = state, FailureType = type, FailureReason = reason });
            }
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return (db, host.Services.GetRequiredService<RecipientListQuery>(), delivery);
    }

    private static IEnumerable<RecipientListFilter> Combinations()
    {
        RecipientState?[] states = [null, RecipientState.Sent, RecipientState.Failed, RecipientState.Deferred, RecipientState.Cancelled];
        string?[] domains = [null, "big.test", " RARE.test", "none.test"];
        FailureType?[] types = [null, FailureType.Soft, FailureType.Hard];
        FailureReason?[] reasons = [null, FailureReason.UserUnknown, FailureReason.MailboxFull];
        return from s in states from d in domains from t in types from r in reasons select new RecipientListFilter(s, d, null, t, r);
    }

    private static bool Matches(DeliveryRecipient r, RecipientListFilter f) =>
        (f.State is null || r.State == f.State) && (f.Domain is null || r.Domain == f.Domain.Trim().ToLowerInvariant())
        && (f.FailureType is null || r.FailureType == f.FailureType) && (f.FailureReason is null || r.FailureReason == f.FailureReason);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task WhicheverIndexIsWalked_TheRowsAndTheirOrderAreThoseOfAPlainFilter(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var (db, query, delivery) = await SeedAsync(host);
        await using var _ = db;
        var all = await db.DeliveryRecipients.AsNoTracking().Where(r => r.DeliveryId == delivery).OrderBy(r => r.Id).ToListAsync();

        foreach (var f in Combinations())
        {
            var expected = all.Where(r => Matches(r, f)).Select(r => r.Id).ToList();
            foreach (var drive in Enum.GetValues<RecipientFilterIndex>())
                Assert.Equal(expected, await RecipientFilterPlan.Filter(db, delivery, f, drive).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
            var page = await query.PageAsync(delivery, f, 0, 500);
            Assert.Equal(expected, page.Items.Select(r => r.Id));
            Assert.Equal((expected.Count, false), (page.Total, page.TotalIsCapped));
        }
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task TheWalkedIndex_IsTheOneThatReadsLeast(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var (db, _, delivery) = await SeedAsync(host);
        await using var __ = db;
        Task<RecipientFilterIndex> Choose(RecipientListFilter f) => RecipientFilterPlan.ChooseAsync(db, delivery, f, CancellationToken.None);

        // One filter: the database walks its index.
        Assert.Equal(RecipientFilterIndex.None, await Choose(new(State: RecipientState.Sent)));
        Assert.Equal(RecipientFilterIndex.None, await Choose(new(AddressContains: "u1", Domain: "big.test")));
        // A domain 60 times rarer than the state: its rows are worth reading.
        Assert.Equal(RecipientFilterIndex.Domain, await Choose(new(State: RecipientState.Sent, Domain: "rare.test")));
        // The state index carries the domain and the failure: no row is read.
        Assert.Equal(RecipientFilterIndex.State, await Choose(new(State: RecipientState.Failed, Domain: "big.test")));
        Assert.Equal(RecipientFilterIndex.State, await Choose(new(State: RecipientState.Failed, Domain: "big.test", FailureReason: FailureReason.UserUnknown)));
        // Without a state, a rare reason (its index carries the domain) beats the common domain.
        Assert.Equal(RecipientFilterIndex.FailureReason, await Choose(new(Domain: "big.test", FailureReason: FailureReason.UserUnknown)));
        Assert.Equal(RecipientFilterIndex.FailureReason, await Choose(new(FailureType: FailureType.Soft, FailureReason: FailureReason.MailboxFull)));
    }
}
