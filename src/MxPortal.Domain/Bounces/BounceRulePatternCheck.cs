using System.Text.RegularExpressions;

namespace MxPortal.Domain.Bounces;

/// <summary>
/// The stricter gate for a pattern a person types or a feed publishes, on top of <see cref="BounceRuleSet.Compile"/>:
/// a bounded length, and a pattern the linear engine cannot run must prove itself on texts that make
/// backtracking explode. Classification stays bounded anyway (match timeout); this refuses the pattern up front
/// instead of letting it silently never match.
/// </summary>
public static class BounceRulePatternCheck
{
    public const int MaxLength = 4000;

    // Note: shapes that make nested quantifiers backtrack exponentially ((a+)+$, (\w+\s?)+$, (.*,)*x), and a
    // real reply for the common case. Each probe runs with the rule set's match timeout.
    private static readonly string[] Probes =
    [
        new string('a', 64) + "!",
        string.Concat(Enumerable.Repeat("word ", 48)) + "!",
        string.Concat(Enumerable.Repeat("a,", 48)) + "\n",
        string.Concat(Enumerable.Repeat("550 5.1.1 <user@example.com>: Recipient address rejected: User unknown; ", 20)),
    ];

    /// <summary>The reason the pattern is refused, naming the rule, or null when it is acceptable.</summary>
    public static string? Check(string ruleName, string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var label = string.IsNullOrWhiteSpace(ruleName) ? "the rule" : $"rule '{ruleName}'";
        if (pattern.Length > MaxLength)
            return $"{label}: the pattern is {pattern.Length:N0} characters long; at most {MaxLength:N0} are allowed";

        var regex = BounceRuleSet.TryBuild(pattern, out var error);
        if (regex is null) return $"{label}: the pattern does not compile: {error}";

        // The linear engine takes time proportional to the text whatever the pattern: nothing to probe.
        if ((regex.Options & RegexOptions.NonBacktracking) != 0) return null;
        foreach (var probe in Probes)
        {
            try
            {
                regex.IsMatch(probe);
            }
            catch (RegexMatchTimeoutException)
            {
                return $"{label}: the pattern is too slow: it ran over {BounceRuleSet.FallbackTimeout.TotalMilliseconds:N0} ms on a " +
                    $"{probe.Length}-character test text. Avoid nested repetition such as (a+)+ together with lookarounds or backreferences.";
            }
        }

        return null;
    }
}
