namespace MxPortal.Domain.MxRules;

/// <summary>
/// One problem found in a rule set or a rule file, addressed so a person can find it: by rule position and
/// mask, and by line for JSON syntax errors. <see cref="Index"/> is zero-based; messages say "rule 1" for it.
/// </summary>
public sealed record RuleError(int? Index, string? Mask, string Field, string Message, long? Line = null)
{
    public override string ToString()
    {
        var rule = Index is { } i ? Mask is null ? $"rule {i + 1}" : $"rule {i + 1} ('{Mask}')" : null;
        var where = Line is { } l ? rule is null ? $"Line {l}" : $"Line {l}, {rule}" : rule ?? "rule set";
        where = char.ToUpperInvariant(where[0]) + where[1..];
        return Field.Length == 0 ? $"{where}: {Message}" : $"{where}, {Field}: {Message}";
    }
}
