namespace MxPortal.Domain.MxRules;

/// <summary>
/// A validated, ordered, immutable list of MX rules with its masks compiled once. First match wins: disabled
/// rules and rules whose identifier range excludes the identity are skipped; the generic <c>*</c> rule is
/// always last, enabled and for every identity, so <see cref="Match"/> always finds a rule. Edits return a new
/// set (or the errors) so a broken set never half-applies.
/// </summary>
public sealed class MxRuleSet
{
    private readonly (MxMask Mask, IdentifierRange Range)[] _compiled;

    private MxRuleSet(IReadOnlyList<MxRule> rules)
    {
        Rules = rules;
        _compiled = new (MxMask, IdentifierRange)[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            IdentifierRange.TryParse(rules[i].Identifiers, out var range, out _);
            _compiled[i] = (MxMask.Compile(rules[i].Mask), range);
        }
    }

    public IReadOnlyList<MxRule> Rules { get; }

    public static RuleSetResult Create(IEnumerable<MxRule> rules)
    {
        var list = rules.ToArray();
        var errors = MxRuleValidator.Validate(list);
        return errors.Count == 0 ? RuleSetResult.Valid(new MxRuleSet(list)) : RuleSetResult.Invalid(errors);
    }

    /// <summary>The zero-based index of the rule that governs delivery to <paramref name="mxHost"/> by this identity.</summary>
    public int MatchIndex(string mxHost, int publicId)
    {
        for (var i = 0; i < _compiled.Length; i++)
        {
            if (!Rules[i].Enabled) continue;
            var (mask, range) = _compiled[i];
            if (range.Contains(publicId) && mask.IsMatch(mxHost)) return i;
        }
        throw new DomainException("No MX rule matched although a valid rule set ends with the generic rule.");
    }

    public MxRule Match(string mxHost, int publicId) => Rules[MatchIndex(mxHost, publicId)];

    /// <summary>Inserts before <paramref name="index"/>; the generic rule stays last or the edit is refused.</summary>
    public RuleSetResult Insert(int index, MxRule rule) => Edit(list => list.Insert(index, rule));

    public RuleSetResult Replace(int index, MxRule rule) => Edit(list => list[index] = rule);

    public RuleSetResult Move(int index, int newIndex) => Edit(list =>
    {
        var rule = list[index];
        list.RemoveAt(index);
        list.Insert(newIndex, rule);
    });

    public RuleSetResult Remove(int index)
    {
        if (Rules[index].IsGeneric)
            return RuleSetResult.Invalid([new RuleError(index, Rules[index].Mask, "", "the generic rule '*' cannot be deleted.")]);
        return Edit(list => list.RemoveAt(index));
    }

    private RuleSetResult Edit(Action<List<MxRule>> change)
    {
        var list = Rules.ToList();
        change(list);
        return Create(list);
    }
}
