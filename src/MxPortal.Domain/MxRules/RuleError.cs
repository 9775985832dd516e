namespace MxPortal.Domain.MxRules;

/// <summary>
/// One problem found in a rule set or a rule file, addressed so a person can find it: by rule position and
/// mask, and by line for JSON syntax errors. <see cref="Index"/> is zero-based; messages say "rule 1" for it.
/// </summary>
public sealed record RuleError(int? Index, string? Mask, string Field, string Message, long? Line = null)
{
    public override string ToString()
    {
        var where = Index is { } i ? $"Rule {i + 1} ('{Mask}')" : Line is { } l ? $"Line {l}" : "Rule set";
        if (Index is not null && Line is { } line) where += $", line {line}";
        return Field.Length == 0 ? $"{where}: {Message}" : $"{where}, {Field}: {Message}";
    }
}
