using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Tests.Data;
using static MxPortal.Infrastructure.Tests.Bounces.Rules.BounceRulesHost;

namespace MxPortal.Infrastructure.Tests.Bounces.Rules;

[Collection(DataCollection.Name)]
public sealed class BounceRuleStoreTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Seed_TwiceOnAnEmptyDatabase_StoresTheDefaultsOnceInOrderAsSyncedWithNameKeys(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        await host.Services.GetRequiredService<BounceRulesSeeder>().SeedAsync();

        var rules = await host.Services.GetRequiredService<BounceRuleStore>().ListAsync();
        var defaults = DefaultBounceRules.Create();
        Assert.Equal(defaults.Select(r => r.Name), rules.Select(r => r.Rule.Name));
        Assert.Equal(defaults.Select(r => r.Pattern), rules.Select(r => r.Rule.Pattern));
        Assert.Equal(Enumerable.Range(0, defaults.Count), rules.Select(r => r.Position));
        Assert.All(rules, r => Assert.True(r.IsSynced));
        Assert.All(rules, r => Assert.Equal(BounceRuleKeys.ForPublished(r.Rule.Name), r.Key));
        await using var db = await host.DbAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "bouncerule.seed"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task AddAtTopThenMoveDownAndReorder_KeepsTheOrderAndAuditsBeforeAndAfter(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var seeded = await store.ListAsync();

        var a = await store.AddAsync(Editor, Rule("local-a", "blocked by a"), position: 0);
        var b = await store.AddAsync(Editor, Rule("local-b", "blocked by b"), position: 1);
        var moved = await store.MoveAsync(Editor, a.Key!.Value, 1);

        Assert.True(moved.Applied);
        var rules = await store.ListAsync();
        Assert.Equal(["local-b", "local-a", seeded[0].Rule.Name], rules.Take(3).Select(r => r.Rule.Name));
        Assert.Equal(BounceRuleSource.Local, rules[0].Rule.Source);
        Assert.Equal("deliv@example.test", rules[0].UpdatedBy);
        Assert.Equal(seeded.Count + 2, rules.Count);

        var reversed = rules.Select(r => r.Key).Reverse().ToArray();
        Assert.True((await store.ReorderAsync(Editor, reversed)).Applied);
        Assert.Equal(reversed, (await store.ListAsync()).Select(r => r.Key));
        Assert.Equal(seeded[0].UpdatedBy, (await store.ListAsync()).Single(r => r.Key == seeded[0].Key).UpdatedBy);

        await using var db = await host.DbAsync();
        var audit = await db.AuditEntries.Where(e => e.Action.StartsWith("bouncerule.") && e.Action != "bouncerule.seed").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["bouncerule.create", "bouncerule.create", "bouncerule.move", "bouncerule.reorder"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal("deliv@example.test", e.Actor));
        Assert.StartsWith("before: none; after: position 1, name=local-a; pattern=blocked by a; type=Soft; reason=Refused; source=Local", audit[0].Details);
        Assert.Equal("before: position 1; after: position 2", audit[2].Details);
        Assert.Equal(b.Key, rules[0].Key);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Update_LocalRule_IsAuditedWithTheOldAndNewValues(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var key = (await store.AddAsync(Editor, Rule("local-a", "blocked by a"))).Key!.Value;

        var change = await store.UpdateAsync(Editor, key, Rule("local-a2", "rejected by a", FailureReason.UserUnknown, FailureType.Hard));

        Assert.True(change.Applied);
        var stored = (await store.ListAsync()).Single(r => r.Key == key);
        Assert.Equal(("local-a2", "rejected by a", FailureType.Hard), (stored.Rule.Name, stored.Rule.Pattern, stored.Rule.Type));
        await using var db = await host.DbAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "bouncerule.update");
        Assert.Equal("local-a2", entry.Target);
        Assert.Matches("^before: name=local-a; pattern=blocked by a; type=Soft; reason=Refused;.*; after: name=local-a2; pattern=rejected by a; type=Hard; reason=User unknown;", entry.Details);
    }

    [Theory]
    [InlineData("Sqlite", "(", "the pattern does not compile")]
    [InlineData("Postgres", "(", "the pattern does not compile")]
    [InlineData("Sqlite", "(?=a)(a+)+$", "the pattern is too slow")]
    public async Task Add_BadPattern_IsRefusedNamingTheRuleAndStoresNothing(string provider, string pattern, string message)
    {
        await using var host = await CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var before = await store.ListAsync();

        var change = await store.AddAsync(Editor, Rule("my-rule", pattern));

        Assert.False(change.Applied);
        var error = Assert.Single(change.Errors);
        Assert.StartsWith($"rule 'my-rule': {message}", error);
        Assert.Equal(before.Select(r => r.Key), (await store.ListAsync()).Select(r => r.Key));
        await using var db = await host.DbAsync();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == "bouncerule.create"));
    }

    [Fact]
    public async Task Update_TooLongPattern_IsRefusedWithTheLimit()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var key = (await store.AddAsync(Editor, Rule("local-a", "blocked"))).Key!.Value;

        var change = await store.UpdateAsync(Editor, key, Rule("local-a", new string('x', BounceRulePatternCheck.MaxLength + 1)));

        Assert.Equal([$"rule 'local-a': the pattern is 4,001 characters long; at most 4,000 are allowed"], change.Errors);
        Assert.Equal("blocked", (await store.ListAsync()).Single(r => r.Key == key).Rule.Pattern);
    }

    [Fact]
    public async Task Add_DuplicateName_IsRefused()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var existing = (await store.ListAsync())[0].Rule.Name;

        var change = await store.AddAsync(Editor, Rule(existing.ToUpperInvariant(), "x"));

        Assert.Contains(change.Errors, e => e.Contains("the name is used by another rule", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SyncedRule_OnlyEnableAndDisableChangeIt(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var synced = (await store.ListAsync())[0];

        var originalPattern = synced.Rule.Pattern;
        var edit = (await store.ListAsync())[0].Rule;
        edit.Pattern = "something else";
        var update = await store.UpdateAsync(Editor, synced.Key, edit);
        var delete = await store.DeleteAsync(Editor, synced.Key);
        var disable = await store.SetEnabledAsync(Editor, synced.Key, false);
        var sameContentDisabled = (await store.ListAsync())[0].Rule;
        sameContentDisabled.Enabled = true;
        var enableThroughUpdate = await store.UpdateAsync(Editor, synced.Key, sameContentDisabled);

        Assert.False(update.Applied);
        Assert.Contains("is synchronized from the publisher", Assert.Single(update.Errors));
        Assert.False(delete.Applied);
        Assert.True(disable.Applied);
        Assert.True(enableThroughUpdate.Applied);
        var after = (await store.ListAsync())[0];
        Assert.Equal((originalPattern, true, BounceRuleSource.Synced), (after.Rule.Pattern, after.Rule.Enabled, after.Rule.Source));
        await using var db = await host.DbAsync();
        Assert.Equal("before: enabled=True; after: enabled=False", (await db.AuditEntries.SingleAsync(e => e.Action == "bouncerule.disable")).Details);
    }

    [Fact]
    public async Task Delete_LocalRule_RemovesItAndCompactsPositions()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var key = (await store.AddAsync(Editor, Rule("local-a", "blocked"), position: 0)).Key!.Value;

        Assert.True((await store.DeleteAsync(Editor, key)).Applied);

        var rules = await store.ListAsync();
        Assert.DoesNotContain(rules, r => r.Key == key);
        Assert.Equal(Enumerable.Range(0, rules.Count), rules.Select(r => r.Position));
        Assert.False((await store.DeleteAsync(Editor, key)).Applied);
    }

    [Fact]
    public async Task Changes_ByAViewer_AreRefusedByTheService()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var key = (await store.ListAsync())[0].Key;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.AddAsync(Viewer, Rule("x", "x")));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.SetEnabledAsync(Viewer, key, false));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => store.ImportAsync(Viewer, "{}"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ExportThenImport_KeepsKeysOfRulesWithTheSameNameAndReplacesTheRest(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var before = await store.ListAsync();
        var removed = (await store.AddAsync(Editor, Rule("local-gone", "gone"))).Key!.Value;
        var json = await store.ExportAsync();
        var edited = json.Replace("\"local-gone\"", "\"local-new\"", StringComparison.Ordinal);

        var change = await store.ImportAsync(Editor, edited);

        Assert.True(change.Applied);
        var after = await store.ListAsync();
        Assert.Equal(before.Select(r => r.Key), after.Take(before.Count).Select(r => r.Key));
        Assert.Equal("local-new", after[^1].Rule.Name);
        Assert.NotEqual(removed, after[^1].Key);
        Assert.False((await store.ImportAsync(Editor, "{\"version\":1,\"rules\":[{\"name\":\"x\",\"pattern\":\"(\",\"type\":\"Soft\",\"reason\":\"Refused\"}]}")).Applied);
        Assert.Equal(after.Select(r => r.Key), (await store.ListAsync()).Select(r => r.Key));
    }
}
