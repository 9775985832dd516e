namespace MxPortal.Infrastructure.Bounces.Qualification;

/// <summary>One line of a preview: how many rows or bounces go from one qualification to another.</summary>
public sealed record RulePreviewChange(string From, string To, long Count);

/// <summary>
/// What a candidate rule would decide among what is stored, before it is saved. A row or bounce counts only when
/// the new rule is the one that decides it (an earlier rule that matches first still wins).
/// </summary>
public sealed record RulePreviewResult(
    IReadOnlyList<string> Errors,
    int ToQualifyRows,
    int OtherRows,
    long Occurrences,
    long Events,
    IReadOnlyList<RulePreviewChange> RowChanges,
    IReadOnlyList<RulePreviewChange> EventChanges,
    IReadOnlyList<string> Samples)
{
    public bool IsValid => Errors.Count == 0;

    public static RulePreviewResult Invalid(IReadOnlyList<string> errors) => new(errors, 0, 0, 0, 0, [], [], []);
}
