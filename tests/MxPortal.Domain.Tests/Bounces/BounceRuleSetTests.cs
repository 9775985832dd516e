using MxPortal.Domain.Bounces;

namespace MxPortal.Domain.Tests.Bounces;

public sealed class BounceRuleSetTests
{
    private static BounceRule Rule(string name, string pattern, FailureReason reason = FailureReason.Refused, bool enabled = true) => new()
    {
        Name = name,
        Pattern = pattern,
        Type = FailureType.Soft,
        Reason = reason,
        Enabled = enabled,
    };

    [Fact]
    public void Match_FirstMatchingRuleInListOrderWins()
    {
        var set = BounceRuleSet.Create([
            Rule("first", "mailbox", FailureReason.MailboxFull),
            Rule("second", "mailbox full", FailureReason.Refused),
        ]);

        var match = set.Match("550 5.2.2 Mailbox full");

        Assert.Equal("first", match?.Name);
        Assert.Equal(FailureReason.MailboxFull, match?.Reason);
    }

    [Fact]
    public void Match_IsCaseInsensitive()
    {
        var set = BounceRuleSet.Create([Rule("unknown", "user unknown")]);

        Assert.NotNull(set.Match("550 5.1.1 USER UNKNOWN"));
    }

    [Fact]
    public void Match_SkipsDisabledRules()
    {
        var set = BounceRuleSet.Create([Rule("off", "unknown", enabled: false), Rule("on", "user")]);

        Assert.Equal("on", set.Match("user unknown")?.Name);
    }

    [Fact]
    public void Match_NoRuleMatches_ReturnsNull()
    {
        var set = BounceRuleSet.Create([Rule("spam", "spam")]);

        Assert.Null(set.Match("250 ok"));
    }

    [Fact]
    public void Compile_ReturnsEveryErrorAndNamesTheRules()
    {
        var compilation = BounceRuleSet.Compile([
            Rule("broken-group", "(unclosed"),
            Rule("", "fine"),
            Rule("dup", "a"),
            Rule("dup", "b"),
            Rule("empty", " "),
        ]);

        Assert.False(compilation.IsValid);
        Assert.Null(compilation.RuleSet);
        Assert.Equal(4, compilation.Errors.Count);
        Assert.Contains(compilation.Errors, e => e.StartsWith("rule 'broken-group': the pattern does not compile", StringComparison.Ordinal));
        Assert.Contains(compilation.Errors, e => e.StartsWith("rule #2: the name is empty", StringComparison.Ordinal));
        Assert.Contains(compilation.Errors, e => e.StartsWith("rule 'dup': the name is used", StringComparison.Ordinal));
        Assert.Contains(compilation.Errors, e => e.StartsWith("rule 'empty': the pattern is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_InvalidRules_ThrowsDomainException()
    {
        var ex = Assert.Throws<DomainException>(() => BounceRuleSet.Create([Rule("bad", "[z-a]")]));

        Assert.Contains("rule 'bad'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_BackreferenceRejectedByNonBacktracking_FallsBackAndStillMatches()
    {
        var set = BounceRuleSet.Create([Rule("repeat", @"(\w+) \1")]);

        Assert.NotNull(set.Match("said: error error"));
        Assert.Null(set.Match("said: error once"));
    }

    [Fact]
    public async Task Match_CatastrophicPattern_ReturnsPromptly()
    {
        var set = BounceRuleSet.Create([Rule("evil", "(a+)+$")]);
        var adversarial = new string('a', 50_000) + "!";

        // Note: with a backtracking engine this input takes longer than the age of the universe;
        // the generous limit only guards against a hang, it is not a performance threshold.
        var match = await Task.Run(() => set.Match(adversarial)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(match);
    }

    [Fact]
    public async Task Match_CatastrophicPatternWithFallbackConstruct_TimesOutAsNoMatch()
    {
        // A lookahead forces the backtracking engine, bounded by its match timeout.
        var set = BounceRuleSet.Create([Rule("evil-lookahead", "(?=a)(a+)+$"), Rule("next", "a")]);
        var adversarial = new string('a', 50_000) + "!";

        var match = await Task.Run(() => set.Match(adversarial)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("next", match?.Name);
    }

    [Fact]
    public void ToRules_ReturnsCopiesThatDoNotChangeTheSet()
    {
        var set = BounceRuleSet.Create([Rule("spam", "spam")]);

        set.ToRules()[0].Pattern = "nothing-matches-this";

        Assert.NotNull(set.Match("spam detected"));
    }
}
