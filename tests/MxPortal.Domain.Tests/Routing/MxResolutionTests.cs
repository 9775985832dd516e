using System.Net;
using MxPortal.Domain.Routing;

namespace MxPortal.Domain.Tests.Routing;

public sealed class MxResolutionTests
{
    [Fact]
    public void A_success_without_hosts_is_a_broken_invariant() =>
        Assert.Throws<DomainException>(() => MxResolution.Success("a.test", []));

    [Fact]
    public void A_failure_keeps_its_kind_and_message_and_has_no_hosts()
    {
        var failed = MxResolution.Failed("a.test", MxFailure.NullMx, "accepts no mail");
        Assert.Equal((false, MxFailure.NullMx, 0), (failed.IsSuccess, failed.Failure, failed.Hosts.Count));
        Assert.Same(failed, failed.WithHosts([new MxHost("x", 1, [IPAddress.Loopback])]));
        Assert.Equal("a.test: NullMx (accepts no mail)", failed.ToString());
    }

    [Fact]
    public void WithHosts_keeps_domain_and_implicit_flag()
    {
        var hosts = new[] { new MxHost("a.test", 0, [IPAddress.Loopback]) };
        var moved = MxResolution.Success("a.test", hosts, isImplicit: true).WithHosts(hosts);
        Assert.Equal(("a.test", true, "a.test: 0 a.test"), (moved.Domain, moved.IsImplicit, moved.ToString()));
    }
}
