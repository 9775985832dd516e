using System.Net;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Web.Components.Pages.MxRules;

namespace MxPortal.Web.Tests.Pages.MxRules;

public sealed class DomainReportTests
{
    private static MxRule Rule(string mask, bool enabled = true, string identifiers = "", bool shared = true) => new()
    {
        Mask = mask, Enabled = enabled, Identifiers = identifiers, Shared = shared,
        MaxConnections = 4, MaxMessagesPerConnection = 10, MessagesPerHour = 1_200,
    };

    private static readonly MxRuleSet Rules = MxRuleSet.Create(
    [
        Rule("*.off.test", enabled: false),
        Rule("*.mail.test", identifiers: "2"),
        Rule("mx?.mail.test"),
        Rule("*", shared: false),
    ]).GetOrThrow();

    private static MxResolution Resolved(string domain, params string[] hosts) => MxResolution.Success(domain,
        [.. hosts.Select((h, i) => new MxHost(h, 10 * (i + 1), [IPAddress.Parse($"192.0.2.{i + 1}")]))]);

    [Theory]
    [InlineData("user@Example.TEST", "example.test")]
    [InlineData(" a@b@corp.test. ", "corp.test")]
    [InlineData("plain.test", "plain.test")]
    public void DomainOf_TakesTheDomainOfAnAddress(string input, string domain) => Assert.Equal(domain, DomainReport.DomainOf(input));

    [Theory]
    [InlineData("mx1.mail.test", 1, 3, "'mx1.mail.test' matches the mask 'mx?.mail.test'; rule 2 '*.mail.test' matches but its identifiers 2 exclude 1")]
    [InlineData("mx1.mail.test", 2, 2, "'mx1.mail.test' matches the mask '*.mail.test'")]
    [InlineData("a.off.test", 1, 4, "no earlier rule applies, so the generic rule '*' does; rule 1 '*.off.test' matches but is disabled")]
    public void Why_NamesTheMatchingMaskAndTheEarlierRulesThatWereSkipped(string host, int publicId, int ruleNumber, string why)
    {
        var index = Rules.MatchIndex(host, publicId);
        Assert.Equal(ruleNumber, index + 1);
        Assert.Equal(why, DomainReport.Why(Rules, host, publicId, index));
    }

    [Fact]
    public void Rows_GiveEveryHostForEveryAllowedIdentityAtItsLevel()
    {
        var identities = new[]
        {
            new SendingIdentity { PublicId = 1, SourceIp = "198.51.100.1", HeloName = "a.test" },
            new SendingIdentity { PublicId = 2, SourceIp = "198.51.100.2", HeloName = "b.test" },
            new SendingIdentity { PublicId = 3, SourceIp = "198.51.100.3", HeloName = "c.test", ExcludeDomains = ["mail.test"] },
        };
        var settings = new ThroughputSettings(ThroughputLevel.Normal, new Dictionary<int, ThroughputLevel> { [2] = ThroughputLevel.Slow });

        var rows = DomainReport.Rows(Resolved("mail.test", "mx1.mail.test", "other.test"), Rules, settings, identities);

        Assert.Equal(
        [
            ("mx1.mail.test", "1 (198.51.100.1)", 3, "Normal", 1_200, 100),
            ("mx1.mail.test", "2 (198.51.100.2)", 2, "Slow", 300, 25),
            ("other.test", "1 (198.51.100.1)", 4, "Normal", 1_200, 100),
            ("other.test", "2 (198.51.100.2)", 4, "Slow", 300, 25),
        ], rows.Select(r => (r.Host, r.Identity, r.RuleNumber, r.Level, r.MessagesPerHour, r.MessagesPerSlice)));
        Assert.Equal("*|1|192.0.2.2", rows[2].BudgetKey);
    }

    [Fact]
    public void Rows_WithNoIdentity_ShowTheLimitsForPublicIdZero()
    {
        var row = Assert.Single(DomainReport.Rows(Resolved("mail.test", "mx1.mail.test"), Rules, new(ThroughputLevel.Fast), []));
        Assert.Equal(("none allowed (id 0 shown)", 3, 1_800, 6), (row.Identity, row.RuleNumber, row.MessagesPerHour, row.MaxConnections));
    }

    [Theory]
    [InlineData(MxFailure.NullMx, "accepts no mail")]
    [InlineData(MxFailure.InvalidDomain, "NXDOMAIN")]
    [InlineData(MxFailure.Temporary, "retried later")]
    public void FailureText_SaysPlainlyWhatHappened(MxFailure failure, string text) =>
        Assert.Contains(text, DomainReport.FailureText(MxResolution.Failed("x.test", failure, "detail")));
}
