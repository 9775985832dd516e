using MxPortal.Domain.Routing;

namespace MxPortal.Domain.Tests.Routing;

public sealed class IdentitySelectorTests
{
    private static readonly SendingIdentity[] Identities =
    [
        new() { PublicId = 1, SourceIp = "192.0.2.1", HeloName = "a.example.test", Weight = 1 },
        new() { PublicId = 2, SourceIp = "192.0.2.2", HeloName = "b.example.test", Weight = 3, ExcludeDomains = ["*.de"] },
        new() { PublicId = 3, SourceIp = "192.0.2.3", HeloName = "c.example.test", IncludeDomains = ["gmail.com", "*.fr"] },
        new() { PublicId = 4, SourceIp = "192.0.2.4", HeloName = "d.example.test", Enabled = false },
    ];

    [Theory]
    [InlineData("example.org", new[] { 1, 2 })]
    [InlineData("GMAIL.com", new[] { 1, 2, 3 })]
    [InlineData("web.de", new[] { 1 })]
    [InlineData("orange.fr", new[] { 1, 2, 3 })]
    public void Eligible_applies_include_exclude_and_enabled(string domain, int[] expected) =>
        Assert.Equal(expected, new IdentitySelector(Identities).Eligible(domain).Select(i => i.PublicId));

    [Fact]
    public void Pick_follows_the_weights()
    {
        var selector = new IdentitySelector(Identities);
        var random = new Random(42);
        var counts = Enumerable.Range(0, 4_000).Select(_ => selector.Pick("example.org", random)!.PublicId)
            .GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([1, 2], counts.Keys.Order());
        Assert.InRange(counts[2] / (double)counts[1], 2.6, 3.4);   // weight 3 : 1
    }

    [Fact]
    public void Pick_with_the_same_seed_is_deterministic()
    {
        var selector = new IdentitySelector(Identities);
        int[] Run(int seed)
        {
            var r = new Random(seed);
            return [.. Enumerable.Range(0, 20).Select(_ => selector.Pick("gmail.com", r)!.PublicId)];
        }
        Assert.Equal(Run(7), Run(7));
    }

    [Fact]
    public void Pick_returns_null_when_no_identity_may_send() =>
        Assert.Null(new IdentitySelector(Identities.Where(i => i.PublicId != 1)).Pick("web.de", new Random(1)));
}
