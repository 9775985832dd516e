using System.Text.RegularExpressions;

namespace MxPortal.Domain.Sending;

/// <summary>
/// Reply-driven back-off (beyond ACC): when a deferral matches one of these rules, the whole budget (not just the
/// message) is suspended for the rule's pause and resumes by itself; the cause is shown in the portal. Patterns are
/// case-insensitive and compiled NonBacktracking, so a reply can never stall the sender.
/// </summary>
public sealed class BackoffRules
{
    private readonly (BackoffRule Rule, Regex Regex)[] _rules;

    public BackoffRules(IEnumerable<BackoffRule> rules) =>
        _rules = rules.Select(r => (r, new Regex(r.Pattern, RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant))).ToArray();

    /// <summary>Defaults drawn from the mailbox providers' published deferral texts; a deliverability team tunes them.</summary>
    public static BackoffRules Default { get; } = new([
        new("Yahoo TS01-TS03 (complaints / reputation)", @"\[TS0[1-3]\]", TimeSpan.FromHours(1)),
        new("Gmail rate limit 4.7.28 / 4.7.32", @"^4\d\d[ -]4\.7\.(28|32)\b", TimeSpan.FromMinutes(30)),
        new("Microsoft throttling (RP-00x, S775, S843)", @"\b(RP-00[1-3]|S775|S843)\b", TimeSpan.FromMinutes(30)),
        new("Too many connections or messages", @"^4\d\d.*too many (connections|messages|concurrent|recipients)", TimeSpan.FromMinutes(15)),
        new("Rate limited", @"^4\d\d.*(rate limit|ratelimit|throttl|sending too fast|try again later.*(rate|volume))", TimeSpan.FromMinutes(15)),
    ]);

    /// <summary>The rule a deferral reply matches, or null. Only 4xx replies back off: a 5xx is about the message.</summary>
    public BackoffRule? Match(string reply)
    {
        if (reply.Length < 3 || reply[0] != '4') return null;
        foreach (var (rule, regex) in _rules)
            if (regex.IsMatch(reply)) return rule;
        return null;
    }
}
