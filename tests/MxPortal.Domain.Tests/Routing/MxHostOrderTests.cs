using MxPortal.Domain.Routing;

namespace MxPortal.Domain.Tests.Routing;

public sealed class MxHostOrderTests
{
    private static MxHost Host(string name, int preference) => new(name, preference, []);

    private static readonly MxHost[] Hosts = [Host("backup", 20), Host("b", 10), Host("a", 10), Host("c", 10), Host("last", 30)];

    [Fact]
    public void Preferences_are_ascending_whatever_the_shuffle()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var ordered = MxHostOrder.Arrange(Hosts, new Random(seed));
            Assert.Equal([10, 10, 10, 20, 30], ordered.Select(h => h.Preference));
            Assert.Equal(["backup", "last"], ordered.Skip(3).Select(h => h.Name));
        }
    }

    [Fact]
    public void Equal_preferences_come_in_every_order_over_many_draws()
    {
        var random = new Random(1);
        var orders = Enumerable.Range(0, 600)
            .Select(_ => string.Join(',', MxHostOrder.Arrange(Hosts, random).Take(3).Select(h => h.Name)))
            .ToHashSet();
        Assert.Equal(6, orders.Count);   // 3! permutations of a, b, c
    }

    [Fact]
    public void A_seeded_random_gives_the_same_order()
    {
        string Order(int seed) => string.Join(',', MxHostOrder.Arrange(Hosts, new Random(seed)).Select(h => h.Name));
        Assert.Equal(Order(5), Order(5));
    }
}
