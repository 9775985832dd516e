using MxPortal.Domain.MxRules;
using static MxPortal.Domain.Tests.MxRules.RuleBuilder;

namespace MxPortal.Domain.Tests.MxRules;

public sealed class MxRuleSetTests
{
    private static readonly MxRuleSet Rules = Set(
        Rule("gmail-smtp-in.l.google.com"),
        Rule("*.google.com", identifiers: "1-3"),
        Rule("*.l.google.com", identifiers: "7"),
        Rule("*.yahoodns.net", enabled: false),
        Rule("mx?.example.test", identifiers: "2,5-6"));

    [Theory]
    [InlineData("gmail-smtp-in.l.google.com", 1, 0)]   // first match wins over the broader mask below
    [InlineData("aspmx.l.google.com", 2, 1)]
    [InlineData("aspmx.l.google.com", 7, 2)]           // identity 7 is outside 1-3: next rule
    [InlineData("aspmx.l.google.com", 9, 5)]           // no Google rule for 9: generic
    [InlineData("mta5.am0.yahoodns.net", 1, 5)]        // disabled rule skipped
    [InlineData("mx1.example.test", 2, 4)]
    [InlineData("mx1.example.test", 6, 4)]
    [InlineData("mx1.example.test", 4, 5)]             // 4 is in neither "2" nor "5-6"
    [InlineData("MX1.EXAMPLE.TEST.", 5, 4)]
    public void MatchIndex_takes_the_first_enabled_rule_for_the_identity(string host, int publicId, int expected) =>
        Assert.Equal(expected, Rules.MatchIndex(host, publicId));

    [Fact]
    public void Remove_of_the_generic_rule_is_refused()
    {
        var result = Rules.Remove(Rules.Rules.Count - 1);
        Assert.False(result.IsValid);
        Assert.Equal("Rule 6 ('*'): the generic rule '*' cannot be deleted.", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Move_below_the_generic_rule_is_refused_and_the_original_set_is_unchanged()
    {
        var result = Rules.Move(0, Rules.Rules.Count - 1);
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Message.Contains("must be the last rule"));
        Assert.Equal("gmail-smtp-in.l.google.com", Rules.Rules[0].Mask);
    }

    [Fact]
    public void Edits_return_a_new_valid_set()
    {
        var moved = Rules.Move(4, 0).GetOrThrow();
        Assert.Equal("mx?.example.test", moved.Rules[0].Mask);
        var inserted = moved.Insert(0, Rule("*.icloud.com")).GetOrThrow();
        Assert.Equal(0, inserted.MatchIndex("mx01.mail.icloud.com", 1));
        var removed = inserted.Remove(0).GetOrThrow();
        Assert.Equal(Rules.Rules.Count, removed.Rules.Count);
        var replaced = removed.Replace(0, Rule("mx?.example.test", enabled: false)).GetOrThrow();
        Assert.Equal(replaced.Rules.Count - 1, replaced.MatchIndex("mx1.example.test", 2));
    }

    [Theory]
    [InlineData("", 0, true)]
    [InlineData("", 12345, true)]
    [InlineData("7", 7, true)]
    [InlineData("7", 8, false)]
    [InlineData("3-5", 2, false)]
    [InlineData("3-5", 3, true)]
    [InlineData("3-5", 5, true)]
    [InlineData("3-5", 6, false)]
    [InlineData("1, 4-6 ,9", 9, true)]
    [InlineData("1, 4-6 ,9", 7, false)]
    public void IdentifierRange_contains(string text, int id, bool expected)
    {
        Assert.True(IdentifierRange.TryParse(text, out var range, out _));
        Assert.Equal(expected, range.Contains(id));
    }

    [Theory]
    [InlineData("5-3", "'5-3' starts after it ends (n1 must be <= n2)")]
    [InlineData("a", "'a' is not a public id")]
    [InlineData("1,,2", "'' is not a public id")]
    [InlineData("-4", "'-4' is not a public id")]
    [InlineData("3-", "'3-' is not a public id")]
    public void IdentifierRange_rejects_with_a_reason(string text, string expected)
    {
        Assert.False(IdentifierRange.TryParse(text, out _, out var error));
        Assert.StartsWith(expected, error);
    }
}
