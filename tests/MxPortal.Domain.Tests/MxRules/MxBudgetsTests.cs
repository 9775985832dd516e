using System.Net;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using static MxPortal.Domain.Tests.MxRules.RuleBuilder;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class MxBudgetsTests
{
    private static SendingIdentity Identity(int id) => new() { PublicId = id, SourceIp = $"192.0.2.{id}", HeloName = $"out{id}.example.test" };

    [Theory]
    [InlineData(true, 2, 20_000)]      // ACC's worked example: one pool per identity
    [InlineData(false, 14, 140_000)]   // one pool per path: 2 identities x 7 remote IPs
    public void Acc_worked_example_two_identities_seven_remote_ips(bool shared, int pools, int totalPerHour)
    {
        var rules = Set(Rule("*.provider.test", shared: shared, perHour: 10_000));
        var budgets = new Dictionary<BudgetKey, MxBudget>();
        foreach (var identity in new[] { Identity(1), Identity(2) })
            for (var ip = 1; ip <= 7; ip++)
            {
                var budget = MxBudgets.For(rules, ThroughputLevels.Default, ThroughputLevel.Normal, identity,
                    $"mx{ip}.provider.test", IPAddress.Parse($"198.51.100.{ip}"));
                budgets[budget.Key] = budget;
            }

        Assert.Equal(pools, budgets.Count);
        Assert.Equal(totalPerHour, budgets.Values.Sum(b => b.MessagesPerHour));
    }

    [Fact]
    public void Keys_name_rule_identity_and_the_remote_ip_only_when_not_shared()
    {
        var rules = Set(Rule("*.shared.test", shared: true), Rule("*.path.test", shared: false));
        var ip = IPAddress.Parse("198.51.100.9");

        var shared = MxBudgets.For(rules, ThroughputLevels.Default, ThroughputLevel.Normal, Identity(3), "MX.Shared.Test.", ip);
        var path = MxBudgets.For(rules, ThroughputLevels.Default, ThroughputLevel.Normal, Identity(3), "mx.path.test", ip);

        Assert.Equal(new BudgetKey("*.shared.test", 3, null), shared.Key);
        Assert.Equal(new BudgetKey("*.path.test", 3, ip), path.Key);
        Assert.Equal("*.path.test|3|198.51.100.9", path.Key.ToString());
        Assert.Equal(1, path.RuleIndex);
    }

    [Theory]
    [InlineData(ThroughputLevel.Slow, 10_000, 10, 2_500, 2, 208)]
    [InlineData(ThroughputLevel.Normal, 10_000, 10, 10_000, 10, 833)]   // DOMAIN.md: 10,000/h = at most 833 a slice
    [InlineData(ThroughputLevel.Fast, 10_000, 10, 15_000, 15, 1_250)]
    [InlineData(ThroughputLevel.VeryFast, 10_000, 10, 20_000, 20, 1_666)]
    [InlineData(ThroughputLevel.Boost, 10_000, 10, 30_000, 30, 2_500)]
    [InlineData(ThroughputLevel.Custom, 10_000, 10, 10_000, 10, 833)]
    [InlineData(ThroughputLevel.Slow, 3, 1, 1, 1, 1)]                  // rounded down but never below 1
    [InlineData(ThroughputLevel.Fast, 7, 3, 10, 4, 1)]                 // 10.5 -> 10, 4.5 -> 4
    public void Limits_scale_with_the_level_but_messages_per_connection_do_not(
        ThroughputLevel level, int perHour, int connections, int expectedPerHour, int expectedConnections, int expectedSlice)
    {
        var rules = Set(Rule("*.x.test", perHour: perHour, connections: connections) with { MaxMessagesPerConnection = 40 });

        var budget = MxBudgets.For(rules, ThroughputLevels.Default, level, Identity(1), "mx.x.test", IPAddress.Loopback);

        Assert.Equal((expectedPerHour, expectedConnections, 40, expectedSlice, level),
            (budget.MessagesPerHour, budget.MaxConnections, budget.MessagesPerConnection, budget.MessagesPerSlice, budget.Level));
    }

    [Theory]
    [InlineData(1, 30_000)]   // identity 1 is overridden to Boost
    [InlineData(2, 2_500)]    // identity 2 follows the instance level, Slow
    public void The_identity_override_decides_the_level(int publicId, int expectedPerHour)
    {
        var settings = new ThroughputSettings(ThroughputLevel.Slow, new Dictionary<int, ThroughputLevel> { [1] = ThroughputLevel.Boost });
        var budget = MxBudgets.For(Set(), ThroughputLevels.Default, settings, Identity(publicId), "mx.any.test", IPAddress.Loopback);
        Assert.Equal(expectedPerHour, budget.MessagesPerHour);
    }

    [Fact]
    public void Twelve_slices_never_exceed_the_hourly_budget()
    {
        foreach (var perHour in new[] { 12, 13, 100, 833, 10_000, 99_999 })
            Assert.True(MxBudgets.PerSlice(perHour) * MxBudgets.SlicesPerHour <= perHour, $"{perHour}/h");
    }
}
