using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Recipients;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Deliveries;

/// <summary>The recipients page's query over one delivery, on each provider.</summary>
[Collection(DataCollection.Name)]
public sealed class RecipientListQueryTests(PostgresFixture postgres)
{
    private const string Unknown = "550 5.1.1 <malice@example.test>: Recipient address rejected: User unknown";
    private static readonly DateTime Retry = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>"Sqlite+index" is SQLite with the address search index turned on (Deliveries:AddressSearchIndex).</summary>
    private Task<DataTestHost> CreateHostAsync(string provider, string? connectionString = null) => provider == IndexedSqlite
        ? DataTestHost.CreateAsync("Sqlite", postgres, new Dictionary<string, string?> { ["Deliveries:AddressSearchIndex"] = "true" }, connectionString)
        : DataTestHost.CreateAsync(provider, postgres, connectionString: connectionString);

    private const string IndexedSqlite = "Sqlite+index";

    /// <summary>One recipient in each state (and the failures they leave), plus another delivery to the same address.</summary>
    private static async Task<(RecipientListQuery Query, long Delivery)> SeedAsync(DataTestHost host)
    {
        var delivery = await DeliveryTestData.SeedAsync(host, ["Alice@Example.test", "malice@example.test", "bob@yahoo.test", "dave@yahoo.test",
            "erin@other.test", "frank@other.test", "gina@other.test"]);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.DeliveryRecipients.Where(r => r.DeliveryId == delivery).ToDictionaryAsync(r => r.AddressKey);
        void Set(string key, RecipientState state, FailureType? type = null, FailureReason? reason = null, string? reply = null)
        {
            var r = rows[key];
            (r.State, r.FailureType, r.FailureReason, r.LastReply) = (state, type, reason, reply);
            if (state is RecipientState.Sent or RecipientState.Failed or RecipientState.Deferred)
                (r.Attempts, r.LastAttemptUtc) = (1, Retry.AddHours(-1));
        }
        Set("alice@example.test", RecipientState.Sent, reply: "250 2.0.0 Ok: queued");
        rows["alice@example.test"].Domain = "example.test"; // as the import stores it
        Set("malice@example.test", RecipientState.Failed, FailureType.Hard, FailureReason.UserUnknown, Unknown);
        Set("bob@yahoo.test", RecipientState.Deferred, FailureType.Soft, FailureReason.MailboxFull, "452 4.2.2 Mailbox full");
        rows["bob@yahoo.test"].NextAttemptUtc = Retry;
        Set("erin@other.test", RecipientState.Skipped, reason: FailureReason.AddressInQuarantine);
        Set("frank@other.test", RecipientState.InFlight);
        Set("gina@other.test", RecipientState.Cancelled);
        var other = new Delivery { Name = "Other", FromAddress = "news@sender.test", Subject = "Hi", ReturnPathDomain = "sender.test", CreatedUtc = Retry };
        db.Deliveries.Add(other);
        await db.SaveChangesAsync();
        db.DeliveryRecipients.Add(new DeliveryRecipient { DeliveryId = other.Id, Address = "alice@example.test", AddressKey = "alice@example.test",
            Domain = "example.test", State = RecipientState.Failed, FailureType = FailureType.Hard, FailureReason = FailureReason.UserUnknown });
        var record = QuarantineRecord.Create("malice@example.test");
        record.Status = AddressStatus.Quarantine;
        db.QuarantineRecords.Add(record);
        await db.SaveChangesAsync();
        return (host.Services.GetRequiredService<RecipientListQuery>(), delivery);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData(IndexedSqlite)]
    [InlineData("Postgres")]
    public async Task EachFilter_NarrowsTheListOfThatDeliveryOnly(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var (query, delivery) = await SeedAsync(host);
        async Task<string[]> Addresses(RecipientListFilter f) => (await query.PageAsync(delivery, f, 0, 50)).Items.Select(r => r.Address).ToArray();

        Assert.Equal(["Alice@Example.test", "malice@example.test", "bob@yahoo.test", "dave@yahoo.test", "erin@other.test", "frank@other.test",
            "gina@other.test"], await Addresses(new()));
        Assert.Equal(["Alice@Example.test"], await Addresses(new(State: RecipientState.Sent)));
        Assert.Equal(["dave@yahoo.test"], await Addresses(new(State: RecipientState.Pending)));
        Assert.Equal(["bob@yahoo.test"], await Addresses(new(State: RecipientState.Deferred)));
        Assert.Equal(["frank@other.test"], await Addresses(new(State: RecipientState.InFlight)));
        Assert.Equal(["malice@example.test"], await Addresses(new(State: RecipientState.Failed)));
        Assert.Equal(["erin@other.test"], await Addresses(new(State: RecipientState.Skipped)));
        Assert.Equal(["gina@other.test"], await Addresses(new(State: RecipientState.Cancelled)));
        Assert.Equal(["bob@yahoo.test", "dave@yahoo.test"], await Addresses(new(Domain: " YAHOO.test ")));
        Assert.Empty(await Addresses(new(Domain: "yahoo")));
        Assert.Equal(["Alice@Example.test", "malice@example.test"], await Addresses(new(AddressContains: "ALICE@")));
        Assert.Empty(await Addresses(new(AddressContains: "nobody")));
        Assert.Equal(["malice@example.test"], await Addresses(new(FailureType: FailureType.Hard)));
        Assert.Equal(["bob@yahoo.test"], await Addresses(new(FailureType: FailureType.Soft)));
        Assert.Equal(["erin@other.test"], await Addresses(new(FailureReason: FailureReason.AddressInQuarantine)));
        Assert.Equal(["malice@example.test"], await Addresses(new(FailureReason: FailureReason.UserUnknown)));
        Assert.Equal(["bob@yahoo.test"], await Addresses(new(State: RecipientState.Deferred, Domain: "yahoo.test")));
        Assert.Empty(await Addresses(new(State: RecipientState.Sent, Domain: "yahoo.test")));
        Assert.Equal(["malice@example.test"], await Addresses(new(AddressContains: "alice", FailureType: FailureType.Hard)));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Rows_CarryTheOutcomeAndTheAddressQuarantineStatus(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var (query, delivery) = await SeedAsync(host);

        var page = await query.PageAsync(delivery, new(), 0, 50);

        var malice = page.Items.Single(r => r.Address == "malice@example.test");
        Assert.Equal(("example.test", RecipientState.Failed, 1, Retry.AddHours(-1), (DateTime?)null, FailureType.Hard, FailureReason.UserUnknown, Unknown),
            (malice.Domain, malice.State, malice.Attempts, malice.LastAttemptUtc, malice.NextAttemptUtc, malice.FailureType, malice.FailureReason, malice.LastReply));
        Assert.Equal(AddressStatus.Quarantine, malice.QuarantineStatus);
        Assert.Equal(Retry, page.Items.Single(r => r.Address == "bob@yahoo.test").NextAttemptUtc);
        Assert.All(page.Items.Where(r => r != malice), r => Assert.Null(r.QuarantineStatus));
        Assert.Equal((7, false, "7"), (page.Total, page.TotalIsCapped, page.TotalText));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData(IndexedSqlite)]
    [InlineData("Postgres")]
    public async Task Paging_ByOffsetAndByKeyset_GiveTheSamePagesInListOrder(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var (query, delivery) = await SeedAsync(host);
        RecipientListFilter[] filters = [new(), new(Domain: "other.test"), new(AddressContains: "@"), new(AddressContains: "e", State: RecipientState.Failed)];

        foreach (var filter in filters)
        {
            var all = (await query.PageAsync(delivery, filter, 0, 50)).Items.Select(r => r.Id).ToList();
            Assert.Equal(all.Order(), all);
            var byOffset = new List<long>();
            var byKeyset = new List<long>();
            RecipientListRow? last = null;
            for (var page = 0; page * 2 < all.Count + 2; page++)
            {
                var skipped = await query.PageAsync(delivery, filter, page, 2);
                var after = await query.PageAsync(delivery, filter, page, 2, last);
                Assert.Equal(all.Count, after.Total);
                byOffset.AddRange(skipped.Items.Select(r => r.Id));
                byKeyset.AddRange(after.Items.Select(r => r.Id));
                last = after.Items.Count > 0 ? after.Items[^1] : last;
            }
            Assert.Equal(all, byOffset);
            Assert.Equal(all, byKeyset);
        }
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData(IndexedSqlite)]
    [InlineData("Postgres")]
    public async Task ACommonAddressText_CapsTheCount_AndStillPagesInOrder_WhileARareOneIsCountedExactly(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var (query, delivery) = await SeedAsync(host);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // Note: a recursive CTE and || are spelled the same on both providers.
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050)
                INSERT INTO "DeliveryRecipients" ("DeliveryId", "Address", "AddressKey", "Domain", "State", "Attempts")
                SELECT {0}, 'bulk' || i || '@many.test', 'bulk' || i || '@many.test', 'many.test', 0, 0 FROM n
                """, delivery);
        }

        var common = await query.PageAsync(delivery, new(AddressContains: "BULK"), 0, 50);
        var second = await query.PageAsync(delivery, new(AddressContains: "BULK"), 1, 50, common.Items[^1]);
        var deep = await query.PageAsync(delivery, new(AddressContains: "bulk"), 200, 50);
        var rare = await query.PageAsync(delivery, new(AddressContains: "bulk1005"), 0, 50);
        var all = await query.PageAsync(delivery, new(), 0, 50);

        Assert.Equal((PageResult<RecipientListRow>.CountCap + 1, true, "10,000+"), (common.Total, common.TotalIsCapped, common.TotalText));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"bulk{i}@many.test"), common.Items.Select(r => r.Address));
        Assert.Equal(Enumerable.Range(51, 50).Select(i => $"bulk{i}@many.test"), second.Items.Select(r => r.Address));
        Assert.Equal(Enumerable.Range(10_001, 50).Select(i => $"bulk{i}@many.test"), deep.Items.Select(r => r.Address));
        Assert.Equal(["bulk1005@many.test", "bulk10050@many.test"], rare.Items.Select(r => r.Address));
        Assert.Equal((2, false), (rare.Total, rare.TotalIsCapped));
        Assert.True(all.TotalIsCapped);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData(IndexedSqlite)]
    [InlineData("Postgres")]
    public async Task AddressContains_FindsExactlyWhatAPlainCaseInsensitiveSearchFinds_WildcardsQuotesAndBackslashesLiteral(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        string[] addresses = ["a%b@x.test", "a_b@x.test", "axb@x.test", "aXXb@x.test", "q\"uote@x.test", "back\\slash@x.test", "Über@x.test",
            "ueber@x.test", "50%off@y.test", "a\\%b@y.test", "plain@y.test"];
        var delivery = await DeliveryTestData.SeedAsync(host, addresses);
        var query = host.Services.GetRequiredService<RecipientListQuery>();
        var contexts = host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        async Task AssertSameAsPlainFilter(params string[] needles)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var all = await db.DeliveryRecipients.AsNoTracking().Where(r => r.DeliveryId == delivery).OrderBy(r => r.Id).ToListAsync();
            foreach (var needle in needles)
            {
                var key = needle.Trim().ToLowerInvariant();
                var expected = all.Where(r => r.AddressKey.Contains(key, StringComparison.Ordinal)).Select(r => r.Address).ToList();
                var page = await query.PageAsync(delivery, new(AddressContains: needle), 0, 50);
                Assert.True(expected.SequenceEqual(page.Items.Select(r => r.Address)), $"'{needle}': [{string.Join(", ", page.Items.Select(r => r.Address))}]");
                Assert.Equal(expected.Count, page.Total);
                var streamed = new List<string>();
                await foreach (var row in query.StreamAsync(delivery, new(AddressContains: needle))) streamed.Add(row.Address);
                Assert.Equal(expected, streamed);
            }
        }
        string[] needles = ["a%b", "a_b", "%", "_", "%b@", "_b@", "0%o", "\"uo", "q\"", "k\\s", "\\%b", "\\", "ÜBER", "über", "ber@", "XB@", "xb",
            "@x.test", " @Y.TEST ", "zzz", "x.t", "a%", "a\\%", "\"\"", "*", "a OR b", "NEAR(a b)"];

        await AssertSameAsPlainFilter(needles);

        // The index follows inserts, address changes and deletes.
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.DeliveryRecipients.Add(new DeliveryRecipient { DeliveryId = delivery, Address = "late%b@x.test", AddressKey = "late%b@x.test", Domain = "x.test" });
            await db.DeliveryRecipients.Where(r => r.DeliveryId == delivery && r.AddressKey == "axb@x.test")
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.AddressKey, "renamed@z.test").SetProperty(r => r.Address, "renamed@z.test"));
            await db.DeliveryRecipients.Where(r => r.DeliveryId == delivery && r.AddressKey == "a_b@x.test").ExecuteDeleteAsync();
            await db.SaveChangesAsync();
        }
        await AssertSameAsPlainFilter([.. needles, "late", "renamed", "med@z"]);
        Assert.Empty((await query.PageAsync(delivery, new(AddressContains: "axb"), 0, 50)).Items);
    }

    [Fact]
    public async Task TheSqliteAddressIndex_IsBuiltFromTheStoredRowsWhenTurnedOn_AndDroppedWhenTurnedOff()
    {
        await using var off = await CreateHostAsync("Sqlite");
        var (query, delivery) = await SeedAsync(off);
        async Task<bool> IndexExists(DataTestHost host)
        {
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            return await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'DeliveryRecipientAddressSearch'").SingleAsync() > 0;
        }
        Assert.False(await IndexExists(off));

        await using (var on = await CreateHostAsync(IndexedSqlite, off.ConnectionString))
        {
            await on.MigrateAsync();
            Assert.True(await IndexExists(on));
            var page = await on.Services.GetRequiredService<RecipientListQuery>().PageAsync(delivery, new(AddressContains: "LICE@"), 0, 50);
            Assert.Equal(["Alice@Example.test", "malice@example.test"], page.Items.Select(r => r.Address));
        }
        await off.MigrateAsync();

        Assert.False(await IndexExists(off));
        Assert.Equal(2, (await query.PageAsync(delivery, new(AddressContains: "lice@"), 0, 50)).Total);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task StateCounts_TakeSentFailedAndSkippedFromTheCounters_AndCountTheOthers(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var (query, delivery) = await SeedAsync(host);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            await db.Deliveries.Where(d => d.Id == delivery).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.SentCount, 1).SetProperty(d => d.FailedCount, 1).SetProperty(d => d.SkippedCount, 1));

        var counts = (await query.StateCountsAsync(delivery)).ToDictionary(c => c.State, c => c.Text);

        Assert.Equal(Enum.GetValues<RecipientState>().ToDictionary(s => s, _ => "1"), counts);
        Assert.Empty(await query.StateCountsAsync(delivery + 1000));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData(IndexedSqlite)]
    [InlineData("Postgres")]
    public async Task Stream_GivesEveryMatchInListOrder(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var (query, delivery) = await SeedAsync(host);

        var streamed = new List<string>();
        await foreach (var row in query.StreamAsync(delivery, new(AddressContains: "A"))) streamed.Add(row.Address);

        Assert.Equal(["Alice@Example.test", "malice@example.test", "bob@yahoo.test", "dave@yahoo.test", "frank@other.test", "gina@other.test"], streamed);
    }
}
