using System.Net;
using MxPortal.Domain.Routing;
using MxPortal.TestSupport;

namespace MxPortal.Infrastructure.Tests.Routing;

public sealed class MxResolverTests(DnsmasqFixture dns) : IClassFixture<DnsmasqFixture>
{
    [Theory]
    [InlineData("prio.test")]
    [InlineData("PRIO.Test.")]
    public async Task Hosts_come_by_preference_with_backups_and_their_addresses(string domain)
    {
        var result = await dns.Resolver().ResolveAsync(domain);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.False(result.IsImplicit);
        Assert.Equal(["mx1.prio.test", "mx2.prio.test", "mx3.prio.test"], result.Hosts.Select(h => h.Name));
        Assert.Equal([10, 20, 30], result.Hosts.Select(h => h.Preference));
        Assert.Equal([IPAddress.Parse("127.0.0.11"), IPAddress.Parse("fd00::11")], result.Hosts[0].Addresses);
        Assert.Equal([IPAddress.Parse("127.0.0.13")], result.Hosts[2].Addresses);
    }

    [Fact]
    public async Task Equal_preferences_come_in_both_orders_and_the_backup_stays_last()
    {
        var resolver = dns.Resolver(new Random());
        var orders = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var hosts = (await resolver.ResolveAsync("equal.test")).Hosts;
            Assert.Equal("backup.equal.test", hosts[2].Name);
            orders.Add(hosts[0].Name + "," + hosts[1].Name);
        }
        // Note: 40 fair draws miss one of the two orders with probability 2^-39.
        Assert.Equal(["a.equal.test,b.equal.test", "b.equal.test,a.equal.test"], orders.Order());
    }

    [Fact]
    public async Task A_seeded_random_gives_the_same_orders()
    {
        async Task<string> Run()
        {
            var resolver = dns.Resolver(new Random(2026));
            var names = new List<string>();
            for (var i = 0; i < 8; i++) names.Add((await resolver.ResolveAsync("equal.test")).Hosts[0].Name);
            return string.Join(',', names);
        }
        Assert.Equal(await Run(), await Run());
    }

    [Fact]
    public async Task A_domain_with_an_address_but_no_mx_is_its_own_implicit_mx()
    {
        var result = await dns.Resolver().ResolveAsync("implicit.test");

        Assert.True(result.IsImplicit, result.ToString());
        var host = Assert.Single(result.Hosts);
        Assert.Equal(("implicit.test", 0), (host.Name, host.Preference));
        Assert.Equal([IPAddress.Parse("127.0.0.5")], host.Addresses);
    }

    [Theory]
    [InlineData("nullmx.test", MxFailure.NullMx, "null MX")]                 // Hard / Invalid domain
    [InlineData("nx.test", MxFailure.InvalidDomain, "NXDOMAIN")]            // Soft / Invalid domain
    [InlineData("noaddr.test", MxFailure.InvalidDomain, "neither MX nor A/AAAA")]
    [InlineData("ghostmx.test", MxFailure.InvalidDomain, "no MX host of ghostmx.test has an address")]
    [InlineData("refused.example", MxFailure.Temporary, "Refused")]         // Soft / Unreachable
    [InlineData("not a domain", MxFailure.InvalidDomain, "is not a domain name")]
    public async Task Failures_are_classified(string domain, MxFailure failure, string message)
    {
        var result = await dns.Resolver().ResolveAsync(domain);

        Assert.Equal(failure, result.Failure);
        Assert.Empty(result.Hosts);
        Assert.Contains(message, result.Message);
    }

    [Fact]
    public async Task An_unreachable_name_server_is_a_temporary_failure()
    {
        var options = DnsmasqFixture.Options($"127.0.0.1:{FreePort.Next()}");
        options.TimeoutMilliseconds = 200;
        options.Retries = 0;
        var resolver = new Infrastructure.Routing.MxResolver(options, TimeProvider.System, new Random());

        var result = await resolver.ResolveAsync("prio.test");

        Assert.Equal(MxFailure.Temporary, result.Failure);
        Assert.Contains("MX query for prio.test failed", result.Message);
    }
}
