using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;

namespace MxPortal.Domain.Tests.Sync;

public sealed class KeyedMergeTests
{
    private static MxRule Rule(string mask, RuleSource source, int perHour = 1000) =>
        new() { Mask = mask, Source = source, MessagesPerHour = perHour };

    private static (IReadOnlyList<MxRule> Items, IReadOnlyList<SyncChange> Changes) Merge(IReadOnlyList<MxRule> current, IReadOnlyList<MxRule> published) =>
        KeyedMerge.Merge(SyncDataType.MxRules, current, published, RuleJson.Key, r => r.Source == RuleSource.Local,
            (r, i) => RuleJson.Describe(r, i), MxRule.GenericMask);

    [Fact]
    public void LocalRules_AreKeptFirstAndUnchanged_AndThePublishedRuleOfTheSameMaskIsSkipped()
    {
        var local = Rule("*.mine.test", RuleSource.Local, 5);
        var current = new[] { Rule("*.a.test", RuleSource.Synced), local, Rule("*", RuleSource.Synced) };
        var published = new[] { Rule("*.MINE.test", RuleSource.Synced, 999), Rule("*.a.test", RuleSource.Synced), Rule("*", RuleSource.Synced) };

        var (items, changes) = Merge(current, published);

        Assert.Equal(["*.mine.test", "*.a.test", "*"], items.Select(r => r.Mask));
        Assert.Same(local, items[0]);
        Assert.Empty(changes);
    }

    [Fact]
    public void SyncedRules_AreAddedChangedAndRemovedToMatchTheFeed_WithBeforeAndAfter()
    {
        var current = new[] { Rule("*.old.test", RuleSource.Synced), Rule("*.same.test", RuleSource.Synced, 10), Rule("*", RuleSource.Synced) };
        var published = new[] { Rule("*.same.test", RuleSource.Synced, 20), Rule("*.new.test", RuleSource.Synced), Rule("*", RuleSource.Synced) };

        var (items, changes) = Merge(current, published);

        Assert.Equal(["*.same.test", "*.new.test", "*"], items.Select(r => r.Mask));
        var byKey = changes.ToDictionary(c => c.Key);
        Assert.Equal(ChangeKind.Added, byKey["*.new.test"].Kind);
        Assert.Null(byKey["*.new.test"].Before);
        Assert.Equal(ChangeKind.Changed, byKey["*.same.test"].Kind);
        Assert.Contains("\"messagesPerHour\":10", byKey["*.same.test"].Before);
        Assert.Contains("\"messagesPerHour\":20", byKey["*.same.test"].After);
        Assert.Equal(ChangeKind.Removed, byKey["*.old.test"].Kind);
        Assert.Null(byKey["*.old.test"].After);
        Assert.Equal(3, changes.Count);
    }

    [Fact]
    public void LocalGenericRule_StaysLast_AndThePublishedGenericRuleIsSkipped()
    {
        var current = new[] { Rule("*", RuleSource.Local, 7) };
        var published = new[] { Rule("*.p.test", RuleSource.Synced), Rule("*", RuleSource.Synced, 99) };

        var (items, _) = Merge(current, published);

        Assert.Equal(["*.p.test", "*"], items.Select(r => r.Mask));
        Assert.Equal(7, items[^1].MessagesPerHour);
        Assert.True(MxRuleSet.Create(items).IsValid);
    }

    [Fact]
    public void SameFeedTwice_ChangesNothing()
    {
        var published = new[] { Rule("*.p.test", RuleSource.Synced), Rule("*", RuleSource.Synced) };
        var (first, _) = Merge([Rule("*", RuleSource.Synced)], published);

        var (second, changes) = Merge(first, published);

        Assert.Empty(changes);
        Assert.Equal(first, second);
    }
}
