using MxPortal.Domain.MxRules;
using static MxPortal.Domain.Tests.MxRules.RuleBuilder;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class MxRuleValidatorTests
{
    public static TheoryData<MxRule, string> BrokenRules => new()
    {
        { Rule("*.google.com", perHour: 0), "Rule 1 ('*.google.com'), MessagesPerHour: must be a positive whole number (was 0)." },
        { Rule("*.google.com", connections: -1), "Rule 1 ('*.google.com'), MaxConnections: must be a positive whole number (was -1)." },
        { Rule("*.google.com") with { MaxMessagesPerConnection = 0 }, "Rule 1 ('*.google.com'), MaxMessagesPerConnection: must be a positive whole number (was 0)." },
        { Rule("mx/1.test"), "Rule 1 ('mx/1.test'), Mask: '/' is not allowed (letters, digits, '-', '_', '.', '*' and '?' only)." },
        { Rule("*.google.com", identifiers: "9-2"), "Rule 1 ('*.google.com'), Identifiers: '9-2' starts after it ends (n1 must be <= n2)." },
        { Rule("a.test") with { Timeout = TimeSpan.Zero }, "Rule 1 ('a.test'), Timeout: must be a positive whole number of seconds (was 00:00:00)." },
        { Rule("a.test") with { DataTimeout = TimeSpan.FromMilliseconds(10) }, "Rule 1 ('a.test'), DataTimeout: must be a positive whole number of seconds (was 00:00:00.0100000)." },
        { Rule("a.test") with { Tls = (TlsMode)9 }, "Rule 1 ('a.test'), Tls: 9 is not a TLS mode." },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_broken_field_is_named_with_rule_and_value(MxRule rule, string expected)
    {
        var errors = MxRuleValidator.Validate([rule, Rule("*")]);
        Assert.Equal(expected, Assert.Single(errors).ToString());
    }

    [Fact]
    public void Every_error_is_returned_not_just_the_first()
    {
        var errors = MxRuleValidator.Validate(
        [
            Rule("*.google.com", perHour: 0, connections: 0),
            Rule("*.GOOGLE.com."),
            Rule("*") with { Enabled = false },
            Rule("b.test", identifiers: "x"),
        ]).Select(e => e.ToString()).ToArray();

        Assert.Equal(
        [
            "Rule 1 ('*.google.com'), MaxConnections: must be a positive whole number (was 0).",
            "Rule 1 ('*.google.com'), MessagesPerHour: must be a positive whole number (was 0).",
            "Rule 2 ('*.GOOGLE.com.'), Mask: duplicates the mask of rule 1.",
            "Rule 3 ('*'), Enabled: the generic rule '*' cannot be disabled.",
            "Rule 4 ('b.test'), Identifiers: 'x' is not a public id or an 'n1-n2' range of non-negative whole numbers.",
            "Rule 3 ('*'): the generic rule '*' must be the last rule.",
        ], errors);
    }

    [Fact]
    public void A_set_without_the_generic_rule_is_refused()
    {
        var result = MxRuleSet.Create([Rule("a.test")]);
        Assert.Null(result.RuleSet);
        Assert.Equal("Rule set: the generic rule '*' is missing; it must be the last rule.", Assert.Single(result.Errors).ToString());
        Assert.Throws<DomainException>(() => result.GetOrThrow());
    }

    [Fact]
    public void The_generic_rule_must_apply_to_every_identity() =>
        Assert.Contains("must apply to every identity",
            Assert.Single(MxRuleValidator.Validate([Rule("*", identifiers: "1")])).Message);

    [Fact]
    public void A_valid_set_has_no_errors() =>
        Assert.Empty(MxRuleValidator.Validate([Rule("*.google.com", identifiers: "1,3-4"), Rule("*")]));
}
