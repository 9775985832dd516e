using System.Text.RegularExpressions;

namespace MxPortal.Domain.Bounces;

/// <summary>
/// An ordered, compiled, immutable list of bounce rules; the first enabled rule whose pattern
/// matches wins. Build it with <see cref="Compile"/> (errors as values) or <see cref="Create"/>.
/// </summary>
public sealed class BounceRuleSet
{
    // Note: NonBacktracking runs in linear time, so a pattern like (a+)+$ cannot stall a worker.
    // Constructs it rejects (backreferences, lookarounds, atomic groups) fall back to the
    // backtracking engine bounded by this timeout; a timed-out rule counts as "no match".
    internal static readonly TimeSpan FallbackTimeout = TimeSpan.FromMilliseconds(200);

    private const RegexOptions BaseOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly BounceRule[] rules;
    private readonly Regex?[] regexes;

    private BounceRuleSet(BounceRule[] rules, Regex?[] regexes)
    {
        this.rules = rules;
        this.regexes = regexes;
    }

    public static BounceRuleSet Empty { get; } = new([], []);

    public int Count => rules.Length;

    public static BounceRuleSetCompilation Compile(IEnumerable<BounceRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var copies = rules.Select(Copy).ToArray();
        var errors = new List<string>();
        var regexes = new Regex?[copies.Length];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < copies.Length; i++)
        {
            var rule = copies[i];
            var label = string.IsNullOrWhiteSpace(rule.Name) ? $"rule #{i + 1}" : $"rule '{rule.Name}'";
            if (string.IsNullOrWhiteSpace(rule.Name))
            {
                errors.Add($"{label}: the name is empty");
            }
            else if (!names.Add(rule.Name))
            {
                errors.Add($"{label}: the name is used by another rule");
            }

            if (!Enum.IsDefined(rule.Type))
            {
                errors.Add($"{label}: unknown failure type {(int)rule.Type}");
            }

            if (!Enum.IsDefined(rule.Reason))
            {
                errors.Add($"{label}: unknown failure reason {(int)rule.Reason}");
            }

            if (string.IsNullOrWhiteSpace(rule.Pattern))
            {
                errors.Add($"{label}: the pattern is empty");
                continue;
            }

            var regex = TryBuild(rule.Pattern, out var error);
            if (regex is null)
            {
                errors.Add($"{label}: the pattern does not compile: {error}");
            }
            else if (rule.Enabled)
            {
                regexes[i] = regex;
            }
        }

        return errors.Count == 0
            ? new BounceRuleSetCompilation(new BounceRuleSet(copies, regexes), [])
            : new BounceRuleSetCompilation(null, errors);
    }

    /// <summary>Compiles rules that are known to be valid (seeded data); a broken one is a bug.</summary>
    public static BounceRuleSet Create(IEnumerable<BounceRule> rules)
    {
        var compilation = Compile(rules);
        return compilation.RuleSet
            ?? throw new DomainException("Invalid bounce rules: " + string.Join("; ", compilation.Errors));
    }

    /// <summary>The first enabled rule matching <paramref name="text"/>, in list order.</summary>
    public BounceRuleMatch? Match(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < regexes.Length; i++)
        {
            var regex = regexes[i];
            if (regex is not null && IsMatch(regex, text))
            {
                var rule = rules[i];
                return new BounceRuleMatch(i, rule.Name, rule.Type, rule.Reason);
            }
        }

        return null;
    }

    /// <summary>Fresh copies of the rules, in order, for export or editing.</summary>
    public IReadOnlyList<BounceRule> ToRules() => rules.Select(Copy).ToArray();

    private static bool IsMatch(Regex regex, ReadOnlySpan<char> text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    internal static Regex? TryBuild(string pattern, out string? error)
    {
        error = null;
        try
        {
            return new Regex(pattern, BaseOptions | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            // Falls through to the backtracking engine with a timeout.
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }

        try
        {
            return new Regex(pattern, BaseOptions, FallbackTimeout);
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static BounceRule Copy(BounceRule rule) => new()
    {
        Name = rule.Name,
        Pattern = rule.Pattern,
        Type = rule.Type,
        Reason = rule.Reason,
        Source = rule.Source,
        Enabled = rule.Enabled,
        Comment = rule.Comment,
    };
}
