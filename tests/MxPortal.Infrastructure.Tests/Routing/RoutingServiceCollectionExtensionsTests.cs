using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MxPortal.Infrastructure.Routing;

namespace MxPortal.Infrastructure.Tests.Routing;

public sealed class RoutingServiceCollectionExtensionsTests(DnsmasqFixture dns) : IClassFixture<DnsmasqFixture>
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddMxRouting(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task The_resolver_uses_the_name_servers_of_the_Dns_section()
    {
        await using var services = Build(("Dns:NameServers:0", dns.Server.NameServer), ("Dns:TimeoutMilliseconds", "500"));

        var result = await services.GetRequiredService<IMxResolver>().ResolveAsync("prio.test");

        Assert.Equal("mx1.prio.test", result.Hosts[0].Name);
        Assert.Same(services.GetRequiredService<IMxResolver>(), services.GetRequiredService<IMxResolver>());
    }

    [Theory]
    [InlineData("Dns:NameServers:1", "dns.example:53", "Dns:NameServers:1 = 'dns.example:53' is not an IP address")]
    [InlineData("Dns:Retries", "99", "Retries")]
    [InlineData("Dns:TimeoutMilliseconds", "0", "TimeoutMilliseconds")]
    public async Task A_bad_setting_is_refused_naming_the_key(string key, string value, string expected)
    {
        await using var services = Build(("Dns:NameServers:0", "127.0.0.1:53"), (key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DnsOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("[::1]:5300", "[::1]:5300")]
    [InlineData("10.0.0.1", "10.0.0.1:53")]
    public void Name_servers_default_to_port_53(string configured, string endPoint) =>
        Assert.Equal(endPoint, new DnsOptions { NameServers = [configured] }.NameServerEndPoints().Single().ToString());
}
