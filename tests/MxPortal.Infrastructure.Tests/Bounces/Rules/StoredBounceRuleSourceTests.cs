using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Tests.Data;
using static MxPortal.Infrastructure.Tests.Bounces.Rules.BounceRulesHost;

namespace MxPortal.Infrastructure.Tests.Bounces.Rules;

[Collection(DataCollection.Name)]
public sealed class StoredBounceRuleSourceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task CurrentAsync_Repeatedly_CompilesOnceAndSharesTheSet()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var source = host.Services.GetRequiredService<StoredBounceRuleSource>();

        var first = await source.CurrentAsync(CancellationToken.None);
        for (var i = 0; i < 100; i++) Assert.Same(first, await source.CurrentAsync(CancellationToken.None));

        Assert.Equal(1, source.Compilations);
        Assert.Equal(DefaultBounceRules.Create().Count, first.Count);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task AChangeThroughTheStore_IsSeenByTheNextClassificationAtOnce(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        var source = host.Services.GetRequiredService<StoredBounceRuleSource>();
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        var before = new BounceClassifier(await source.CurrentAsync(CancellationToken.None)).Classify("550 the zebra policy said no");

        await store.AddAsync(Editor, Rule("zebra", "zebra policy", FailureReason.DenylistedAddress, FailureType.Hard), position: 0);
        var after = new BounceClassifier(await source.CurrentAsync(CancellationToken.None)).Classify("550 the zebra policy said no");

        Assert.NotEqual("zebra", before.Decider);
        Assert.Equal(("zebra", FailureType.Hard, FailureReason.DenylistedAddress), (after.Decider, after.Type, after.Reason));
        Assert.Equal(2, source.Compilations);
    }

    [Fact]
    public async Task AChangeByAnotherNode_IsSeenAfterTheRecheckIntervalAndAnUnchangedSetIsNotRecompiled()
    {
        await using var host = await CreateAsync("Sqlite", postgres);
        var source = host.Services.GetRequiredService<StoredBounceRuleSource>();
        var first = await source.CurrentAsync(CancellationToken.None);

        host.Time.Advance(StoredBounceRuleSource.RecheckInterval);
        Assert.Same(first, await source.CurrentAsync(CancellationToken.None));
        await using (var db = await host.DbAsync())
        {
            // Another node's store writes the row; this process's cache is not told.
            await db.BounceRules.Where(r => r.Position == 0)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, false).SetProperty(r => r.UpdatedUtc, DateTime.UtcNow));
        }
        Assert.Same(first, await source.CurrentAsync(CancellationToken.None));
        host.Time.Advance(StoredBounceRuleSource.RecheckInterval);
        var second = await source.CurrentAsync(CancellationToken.None);

        Assert.NotSame(first, second);
        Assert.Equal(2, source.Compilations);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ACatastrophicPatternSavedThroughTheStore_CannotStallClassification(string provider)
    {
        await using var host = await CreateAsync(provider, postgres);
        var store = host.Services.GetRequiredService<BounceRuleStore>();
        Assert.True((await store.AddAsync(Editor, Rule("evil", "(a+)+$"), position: 0)).Applied);
        var classifier = new BounceClassifier(await host.Services.GetRequiredService<StoredBounceRuleSource>().CurrentAsync(CancellationToken.None));
        var adversarial = "550 5.1.1 " + new string('a', 50_000) + "!";

        // Note: with a backtracking engine this input takes longer than the age of the universe; the generous
        // limit only guards against a hang, it is not a performance threshold.
        var result = await Task.Run(() => classifier.Classify(adversarial)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.NotEqual("evil", result.Decider);
        Assert.Equal(FailureReason.UserUnknown, result.Reason);
    }
}
