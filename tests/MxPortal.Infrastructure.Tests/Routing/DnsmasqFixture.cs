using Microsoft.Extensions.Time.Testing;
using MxPortal.Infrastructure.Routing;
using MxPortal.TestSupport.Dns;

namespace MxPortal.Infrastructure.Tests.Routing;

/// <summary>One dnsmasq for the resolver tests that do not stop their server; TTL 0, so nothing is cached.</summary>
public sealed class DnsmasqFixture : IAsyncLifetime
{
    public static readonly string[] Records =
    [
        // Note: listed out of order on purpose, the resolver must sort.
        "--mx-host=prio.test,mx2.prio.test,20", "--mx-host=prio.test,mx1.prio.test,10", "--mx-host=prio.test,mx3.prio.test,30",
        "--host-record=mx1.prio.test,127.0.0.11,fd00::11", "--host-record=mx2.prio.test,127.0.0.12", "--host-record=mx3.prio.test,127.0.0.13",
        "--mx-host=equal.test,a.equal.test,10", "--mx-host=equal.test,b.equal.test,10", "--mx-host=equal.test,backup.equal.test,20",
        "--host-record=a.equal.test,127.0.0.21", "--host-record=b.equal.test,127.0.0.22", "--host-record=backup.equal.test,127.0.0.23",
        "--host-record=implicit.test,127.0.0.5",
        "--dns-rr=nullmx.test,15,000000",   // MX preference 0, exchange "." (RFC 7505)
        "--txt-record=noaddr.test,exists but has no MX and no address",
        "--mx-host=ghostmx.test,ghost.ghostmx.test,10",   // the MX host itself is NXDOMAIN
    ];

    public DnsmasqServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await DnsmasqServer.StartAsync(Records);

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }

    public static DnsOptions Options(params string[] nameServers) => new()
    {
        NameServers = nameServers,
        TimeoutMilliseconds = 500,
        Retries = 2,   // covers a slow first answer on a loaded machine
    };

    public MxResolver Resolver(Random? random = null) =>
        new(Options(Server.NameServer), new FakeTimeProvider(), random ?? new Random());
}
