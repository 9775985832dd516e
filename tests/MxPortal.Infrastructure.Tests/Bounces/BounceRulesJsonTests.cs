using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces;

namespace MxPortal.Infrastructure.Tests.Bounces;

public sealed class BounceRulesJsonTests
{
    [Fact]
    public void ExportThenImport_GivesBackTheSameRulesInOrder()
    {
        var rules = DefaultBounceRules.Create().ToList();
        rules[0].Enabled = false;
        rules[1].Comment = "a comment with \"quotes\" and ü";
        rules[2].Source = BounceRuleSource.Local;

        var imported = BounceRulesJson.Import(BounceRulesJson.Export(rules));

        Assert.True(imported.IsValid, string.Join("; ", imported.Errors));
        var back = imported.RuleSet!.ToRules();
        Assert.Equal(rules.Count, back.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            Assert.Equal(
                (rules[i].Name, rules[i].Pattern, rules[i].Type, rules[i].Reason, rules[i].Source, rules[i].Enabled, rules[i].Comment),
                (back[i].Name, back[i].Pattern, back[i].Type, back[i].Reason, back[i].Source, back[i].Enabled, back[i].Comment));
        }
    }

    [Fact]
    public void Import_ReadsTheDocumentedFormat()
    {
        const string json = """
            { "version": 1, "rules": [
              { "name": "full", "pattern": "mailbox (is )?full", "type": "Soft", "reason": "Mailbox full" },
              { "name": "gone", "pattern": "no such user", "type": "Hard", "reason": "User unknown", "source": "Synced", "enabled": false }
            ] }
            """;

        var set = BounceRulesJson.Import(json).RuleSet!;

        Assert.Equal("full", set.Match("452 Mailbox is FULL")?.Name);
        Assert.Null(set.Match("550 no such user"));
        Assert.Equal(BounceRuleSource.Local, set.ToRules()[0].Source);
    }

    [Fact]
    public void Import_ReportsEveryProblem()
    {
        const string json = """
            { "version": 1, "rules": [
              { "name": "a", "pattern": "(", "type": "Soft", "reason": "Refused" },
              { "name": "b", "pattern": "x", "type": "Medium", "reason": "Refused" },
              { "name": "c", "pattern": "y", "type": "Soft", "reason": "Sunspots" }
            ] }
            """;

        var result = BounceRulesJson.Import(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith("rule 'a': the pattern does not compile", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("rule 'b': unknown type 'Medium'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("rule 'c': unknown reason 'Sunspots'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{ \"version\": 1 }")]
    [InlineData("{ \"version\": 2, \"rules\": [] }")]
    public void Import_NotARulesFile_IsRefusedWithAReason(string json)
    {
        var result = BounceRulesJson.Import(json);

        Assert.False(result.IsValid);
        Assert.NotEmpty(result.Errors);
    }
}
