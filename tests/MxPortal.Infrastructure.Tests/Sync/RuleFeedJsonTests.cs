using System.Text;
using System.Text.Json.Nodes;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Infrastructure.Tests.Sync;

public sealed class RuleFeedJsonTests
{
    private static readonly DateTime Issued = new(2026, 11, 27, 6, 0, 0, DateTimeKind.Utc);

    private static (string Version, byte[] Payload) Write(IEnumerable<BounceRule>? bounces = null, IEnumerable<SuppressionEntry>? suppression = null) =>
        RuleFeedJson.Write("Central", Issued, DefaultMxRules.Create(), ThroughputLevels.Default, bounces ?? DefaultBounceRules.Create(),
            suppression ?? [new SuppressionEntry("spamtrap@example.test", SuppressionKind.Address), new SuppressionEntry("blocked.test", SuppressionKind.Domain)]);

    private static IReadOnlyList<string> ReadErrors(Action<JsonObject> tamper)
    {
        var document = JsonNode.Parse(Write().Payload)!.AsObject();
        tamper(document);
        return RuleFeedJson.Read(Encoding.UTF8.GetBytes(document.ToJsonString())).Errors;
    }

    [Fact]
    public void WriteThenRead_GivesTheSameRules_MarkedSynced()
    {
        var (version, payload) = Write();

        var (feed, errors) = RuleFeedJson.Read(payload);

        Assert.Empty(errors);
        Assert.Equal(version, feed!.Version);
        Assert.Equal(Issued, feed.IssuedAtUtc);
        Assert.Equal("Central", feed.Publisher);
        Assert.Equal(DefaultMxRules.Rules().Select(r => r with { Source = RuleSource.Synced }), feed.MxRules);
        Assert.Equal(DefaultBounceRules.Create().Select(r => RuleJson.Describe(r)), feed.BounceRules.Select(r => RuleJson.Describe(r)));
        Assert.All(feed.BounceRules, r => Assert.Equal(BounceRuleSource.Synced, r.Source));
        Assert.Equal(ThroughputLevels.Default.Factors, feed.Factors);
        Assert.Equal(["blocked.test", "spamtrap@example.test"], feed.Suppression.Select(e => e.Value).Order());
    }

    [Fact]
    public void Version_MovesWithTheContentOnly()
    {
        var first = Write().Version;
        var later = RuleFeedJson.Write("Other name", Issued.AddDays(1), DefaultMxRules.Create(), ThroughputLevels.Default, DefaultBounceRules.Create(),
            [new SuppressionEntry("blocked.test", SuppressionKind.Domain), new SuppressionEntry("spamtrap@example.test", SuppressionKind.Address)]).Version;
        var changed = Write(suppression: []).Version;

        Assert.Equal(first, later);
        Assert.NotEqual(first, changed);
    }

    [Fact]
    public void InvalidRegex_RefusesTheWholeFeed()
    {
        var bad = DefaultBounceRules.Create().Append(new BounceRule { Name = "broken", Pattern = "(unclosed", Type = FailureType.Hard, Reason = FailureReason.UserUnknown });

        var (feed, errors) = RuleFeedJson.Read(Write(bad).Payload);

        Assert.Null(feed);
        Assert.Contains(errors, e => e.Contains("broken") && e.Contains("does not compile"));
    }

    [Fact]
    public void OversizedPattern_IsRefusedBeforeCompiling()
    {
        var errors = ReadErrors(d => d["bounceRules"]!["rules"]![0]!["pattern"] = new string('a', FeedLimits.MaxPatternLength + 1));

        Assert.Contains(errors, e => e.Contains("pattern is longer than"));
    }

    [Fact]
    public void TooManyMxRules_AreRefused()
    {
        var errors = ReadErrors(d =>
        {
            var rules = d["mxRules"]!["rules"]!.AsArray();
            for (var i = 0; i <= FeedLimits.MaxMxRules; i++) rules.Insert(0, JsonNode.Parse($$"""{"mask":"mx{{i}}.test","maxConnections":1,"maxMessagesPerConnection":1,"messagesPerHour":1}"""));
        });

        Assert.Contains(errors, e => e.Contains($"more than {FeedLimits.MaxMxRules} rules"));
    }

    [Theory]
    [InlineData("format", "\"other\"", "format must be")]
    [InlineData("schemaVersion", "2", "schemaVersion must be")]
    [InlineData("version", "\"NOT HEX\"", "version must be")]
    [InlineData("issuedAtUtc", "\"yesterday\"", "issuedAtUtc must be")]
    [InlineData("surprise", "1", "'surprise' is not a feed field")]
    [InlineData("throughputFactors", "{\"Slow\": 0}", "factor")]
    [InlineData("suppression", "{\"addresses\": [\"not an address\"], \"domains\": []}", "is not an address")]
    public void MalformedField_IsNamedInTheErrors(string field, string json, string expected)
    {
        var errors = ReadErrors(d => d[field] = JsonNode.Parse(json));

        Assert.Contains(errors, e => e.Contains(expected));
    }

    [Fact]
    public void MxRulesWithoutTheGenericRule_AreRefused()
    {
        var errors = ReadErrors(d => d["mxRules"]!["rules"]!.AsArray().RemoveAt(d["mxRules"]!["rules"]!.AsArray().Count - 1));

        Assert.Contains(errors, e => e.StartsWith("mxRules:") && e.Contains("generic rule"));
    }

    [Fact]
    public void NotJson_IsRefused()
    {
        Assert.Contains("not JSON", Assert.Single(RuleFeedJson.Read("<html>502</html>"u8).Errors));
    }
}
