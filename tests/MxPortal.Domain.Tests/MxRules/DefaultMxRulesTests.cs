using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class DefaultMxRulesTests
{
    [Theory]
    [InlineData("gmail-smtp-in.l.google.com", "*.google.com")]
    [InlineData("alt2.aspmx.l.googlemail.com", "*.googlemail.com")]
    [InlineData("hotmail-com.olc.protection.outlook.com", "*.olc.protection.outlook.com")]
    [InlineData("contoso-com.mail.protection.outlook.com", "*.mail.protection.outlook.com")]
    [InlineData("mta6.am0.yahoodns.net", "*.yahoodns.net")]
    [InlineData("mx-aol.mail.gm0.yahoodns.net", "*.yahoodns.net")]
    [InlineData("mx01.mail.icloud.com", "*.mail.icloud.com")]
    [InlineData("mx00.gmx.net", "*.gmx.net")]
    [InlineData("mx-ha03.web.de", "*.web.de")]
    [InlineData("smtp-in.orange.fr", "*.orange.fr")]
    [InlineData("mx1a1.comcast.net", "*.comcast.net")]
    [InlineData("mx.small-isp.test", "*")]
    public void Provider_mx_hosts_fall_under_their_rule(string host, string mask) =>
        Assert.Equal(mask, DefaultMxRules.Create().Match(host, 1).Mask);

    [Fact]
    public void Every_default_rule_says_where_its_figures_come_from() =>
        Assert.All(DefaultMxRules.Rules(), r => Assert.Contains("MxPortal conservative starting value", r.Comment));
}
