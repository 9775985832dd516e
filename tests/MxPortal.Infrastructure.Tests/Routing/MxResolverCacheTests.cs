using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.Routing;
using MxPortal.Infrastructure.Routing;
using MxPortal.TestSupport.Dns;

namespace MxPortal.Infrastructure.Tests.Routing;

/// <summary>Its own dnsmasq, because the test stops it to prove answers come from the cache.</summary>
public sealed class MxResolverCacheTests
{
    [Fact]
    public async Task Answers_are_cached_for_their_smallest_ttl_and_negative_answers_for_the_configured_time()
    {
        var clock = new FakeTimeProvider();
        MxResolver resolver;
        using (var server = await DnsmasqServer.StartAsync(
                   ["--mx-host=cached.test,mx.cached.test,10", "--host-record=mx.cached.test,127.0.0.31,30"], ttlSeconds: 60))
        {
            var options = DnsmasqFixture.Options(server.NameServer);
            options.NegativeCacheSeconds = 45;
            resolver = new MxResolver(options, clock, new Random(1));
            Assert.True((await resolver.ResolveAsync("cached.test")).IsSuccess);
            Assert.Equal(MxFailure.InvalidDomain, (await resolver.ResolveAsync("gone.test")).Failure);
        }

        // The server is stopped: whatever still resolves comes from the cache.
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("mx.cached.test", Assert.Single((await resolver.ResolveAsync("Cached.Test.")).Hosts).Name);
        Assert.Equal(MxFailure.InvalidDomain, (await resolver.ResolveAsync("gone.test")).Failure);

        clock.Advance(TimeSpan.FromSeconds(2));   // 31 s: past the host's TTL of 30 s, although the MX TTL is 60 s
        Assert.Equal(MxFailure.Temporary, (await resolver.ResolveAsync("cached.test")).Failure);
        Assert.Equal(MxFailure.InvalidDomain, (await resolver.ResolveAsync("gone.test")).Failure);

        clock.Advance(TimeSpan.FromSeconds(15));  // 46 s: past the 45 s of negative caching
        Assert.Equal(MxFailure.Temporary, (await resolver.ResolveAsync("gone.test")).Failure);
    }

    [Fact]
    public async Task Servfail_is_temporary_and_remembered_only_briefly()
    {
        using var server = new FixedRcodeDnsServer(rcode: 2);
        var clock = new FakeTimeProvider();
        var options = DnsmasqFixture.Options(server.NameServer);
        options.TemporaryFailureCacheSeconds = 5;
        var resolver = new MxResolver(options, clock, new Random(1));

        var first = await resolver.ResolveAsync("any.test");
        var asked = server.Queries;   // DnsClient itself retries a SERVFAIL (Retries = 2)
        var again = await resolver.ResolveAsync("any.test");
        Assert.Equal((MxFailure.Temporary, MxFailure.Temporary, asked), (first.Failure, again.Failure, server.Queries));
        Assert.Contains("ServerFailure", first.Message);

        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(MxFailure.Temporary, (await resolver.ResolveAsync("any.test")).Failure);
        Assert.True(server.Queries > asked, "after 5 s the name server is asked again");
    }
}
