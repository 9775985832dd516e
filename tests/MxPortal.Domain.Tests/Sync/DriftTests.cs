using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;

namespace MxPortal.Domain.Tests.Sync;

public sealed class DriftTests
{
    [Fact]
    public void Compare_ListsEachRuleAsSameDifferentOnlyPublishedOrOnlyLocal_IgnoringTheSource()
    {
        var local = new[]
        {
            new MxRule { Mask = "*.same.test", Source = RuleSource.Local },
            new MxRule { Mask = "*.diff.test", MessagesPerHour = 1 },
            new MxRule { Mask = "*.mine.test" },
        };
        var published = new[]
        {
            new MxRule { Mask = "*.same.test", Source = RuleSource.Synced },
            new MxRule { Mask = "*.diff.test", MessagesPerHour = 2, Source = RuleSource.Synced },
            new MxRule { Mask = "*.theirs.test", Source = RuleSource.Synced },
        };

        var drift = Drift.Compare(SyncDataType.MxRules, local, published, RuleJson.Key, r => RuleJson.Describe(r));

        Assert.Equal(
            [("*.same.test", DriftKind.Same), ("*.diff.test", DriftKind.Different), ("*.theirs.test", DriftKind.OnlyPublished), ("*.mine.test", DriftKind.OnlyLocal)],
            drift.Select(d => (d.Key, d.Kind)));
        Assert.Equal([false, true, true, false], drift.Select(d => d.CanAdopt));
    }
}
