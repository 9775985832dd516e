using System.Net;
using MxPortal.Web.Telemetry;

namespace MxPortal.Web.Tests.Telemetry;

public sealed class AllowedNetworksTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]   // a dual-mode socket's view of an IPv4 loopback client
    [InlineData("10.20.0.5", false)]
    [InlineData("2001:db8::1", false)]
    public void NoneConfigured_IsLoopbackOnly(string remote, bool allowed) =>
        Assert.Equal(allowed, AllowedNetworks.From([]).Contains(IPAddress.Parse(remote)));

    [Theory]
    [InlineData("10.20.0.5", true)]
    [InlineData("::ffff:10.20.255.1", true)]
    [InlineData("10.21.0.1", false)]
    [InlineData("192.0.2.7", true)]
    [InlineData("192.0.2.8", false)]
    [InlineData("2001:db8::42", true)]
    [InlineData("127.0.0.1", false)]          // configured networks replace the loopback default
    public void Configured_NetworksAndSingleAddresses(string remote, bool allowed) =>
        Assert.Equal(allowed, AllowedNetworks.From(["10.20.0.0/16", "192.0.2.7", "2001:db8::/64"]).Contains(IPAddress.Parse(remote)));

    [Fact]
    public void NoRemoteAddress_IsRefused() => Assert.False(AllowedNetworks.From([]).Contains(null));

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("ten.zero")]
    [InlineData("")]
    public void NotANetwork_DoesNotParse(string value) => Assert.False(AllowedNetworks.TryParse(value, out _));
}
