using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;

namespace MxPortal.Infrastructure.Tests.MxRules;

[Collection(DataCollection.Name)]
public sealed class MxRuleStoreTests(PostgresFixture postgres)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Viewer = Principals.With("viewer@example.test", "v1", Roles.Viewer);

    private static MxRule Rule(string mask, int perHour = 1_000) =>
        new() { Mask = mask, MaxConnections = 2, MaxMessagesPerConnection = 20, MessagesPerHour = perHour };


    private static string[] Masks(MxRuleSet set) => [.. set.Rules.Select(r => r.Mask)];

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Seed_TwiceOnAnEmptyDatabase_StoresTheDefaultsOnceInOrderAtNormal(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        await host.Services.GetRequiredService<MxRulesSeeder>().SeedAsync();

        var set = await host.Services.GetRequiredService<MxRuleStore>().LoadAsync();
        Assert.Equal(DefaultMxRules.Rules(), set.Rules);
        var settings = await host.Services.GetRequiredService<ThroughputStore>().GetAsync();
        Assert.Equal(ThroughputLevel.Normal, settings.InstanceLevel);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task AddThenMoveUp_KeepsTheOrderAndAuditsBeforeAndAfter(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<MxRuleStore>();
        var before = await store.LoadAsync();

        Assert.True((await store.AddAsync(SeededHost.Editor, Rule("mx.a.test"))).Applied);
        Assert.True((await store.AddAsync(SeededHost.Editor, Rule("mx.b.test"))).Applied);
        var moved = await store.MoveAsync(SeededHost.Editor, "mx.b.test", -1);

        Assert.True(moved.Applied);
        var set = await store.LoadAsync();
        Assert.Equal([.. Masks(before)[..^1], "mx.b.test", "mx.a.test", "*"], Masks(set));
        Assert.Equal("mx.b.test", set.Match("mx.b.test", 1).Mask);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var audit = await db.AuditEntries.Where(e => e.Action.StartsWith("mxrule.") && e.Action != "mxrule.seed")
            .OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["mxrule.create", "mxrule.create", "mxrule.move"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("deliv@example.test", e.Actor));
        var n = before.Rules.Count;
        Assert.Equal($"before: position {n + 1}; after: position {n}", audit[2].Details);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Update_IsAuditedWithTheOldAndNewValues(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<MxRuleStore>();
        await store.AddAsync(SeededHost.Editor, Rule("mx.a.test", 1_000));

        var change = await store.UpdateAsync(SeededHost.Editor, "MX.A.TEST", Rule("mx.a.test", 7_000) with { Comment = "raised" });

        Assert.True(change.Applied);
        Assert.Equal(7_000, (await store.LoadAsync()).Match("mx.a.test", 1).MessagesPerHour);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "mxrule.update");
        Assert.Equal("mx.a.test", entry.Target);
        Assert.Matches("^before: .*messagesPerHour=1000;.*; after: .*messagesPerHour=7000;.*comment=raised$", entry.Details);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task InvalidChange_IsRefusedWholeWithTheDomainMessages(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<MxRuleStore>();
        var before = await store.LoadAsync();

        var bad = await store.AddAsync(SeededHost.Editor, Rule("*.google.com") with { MessagesPerHour = 0, Identifiers = "5-2" });
        var generic = await store.DeleteAsync(SeededHost.Editor, "*");
        var lastDown = await store.MoveAsync(SeededHost.Editor, "*.google.com", -1);
        var disableGeneric = await store.SetEnabledAsync(SeededHost.Editor, "*", false);

        Assert.False(bad.Applied);
        Assert.Contains(bad.Errors, e => e.Field == nameof(MxRule.Mask) && e.Message.Contains("duplicates"));
        Assert.Contains(bad.Errors, e => e.Field == nameof(MxRule.MessagesPerHour));
        Assert.Contains(bad.Errors, e => e.Field == nameof(MxRule.Identifiers));
        Assert.Contains("cannot be deleted", Assert.Single(generic.Errors).Message);
        Assert.Contains("cannot move up", Assert.Single(lastDown.Errors).Message);
        Assert.False(disableGeneric.Applied);
        Assert.Equal(before.Rules, (await store.LoadAsync()).Rules);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action != "mxrule.seed" && e.Action.StartsWith("mxrule.")));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task EnableDisableAndDelete_ChangeOnlyThatRule(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<MxRuleStore>();

        Assert.True((await store.SetEnabledAsync(SeededHost.Editor, "*.google.com", false)).Applied);
        Assert.False((await store.LoadAsync()).Rules[0].Enabled);
        Assert.Equal("*", (await store.LoadAsync()).Match("mx1.google.com", 1).Mask);
        Assert.True((await store.DeleteAsync(SeededHost.Editor, "*.google.com")).Applied);

        var set = await store.LoadAsync();
        Assert.DoesNotContain("*.google.com", Masks(set));
        Assert.Equal(DefaultMxRules.Rules().Count - 1, set.Rules.Count);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ConcurrentAdds_AreAllKept(string provider)
    {
        await using var host = await SeededHost.CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<MxRuleStore>();

        var changes = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => store.AddAsync(SeededHost.Editor, Rule($"mx{i}.race.test")))));

        Assert.All(changes, c => Assert.True(c.Applied));
        var masks = Masks(await store.LoadAsync());
        Assert.All(Enumerable.Range(1, 8), i => Assert.Contains($"mx{i}.race.test", masks));
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    public async Task EveryChange_ByARoleWithoutEditRules_IsRefused(string role)
    {
        await using var host = await SeededHost.CreateAsync("Sqlite", postgres);
        var store = host.Services.GetRequiredService<MxRuleStore>();
        var actor = Principals.With("x@example.test", "x", role);
        var json = await store.ExportAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.AddAsync(actor, Rule("mx.a.test")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.UpdateAsync(actor, "*", Rule("*")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.MoveAsync(actor, "*.google.com", 1));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.SetEnabledAsync(actor, "*.google.com", false));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.DeleteAsync(actor, "*.google.com"));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.ImportAsync(actor, json));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.AddAsync(new(), Rule("mx.a.test")));
        Assert.Equal(DefaultMxRules.Rules(), (await store.LoadAsync()).Rules);
    }

    [Fact]
    public async Task Viewer_IsRefusedEvenForAnInvalidChange()
    {
        await using var host = await SeededHost.CreateAsync("Sqlite", postgres);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(
            () => host.Services.GetRequiredService<MxRuleStore>().DeleteAsync(Viewer, "*"));
    }
}
