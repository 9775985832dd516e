namespace MxPortal.Infrastructure.Quarantine;

/// <summary>What a person's quarantine action did: addresses changed, addresses already in the target status (or
/// without a record to release), and errors (line-numbered for a CSV import); nothing is saved when there are errors.</summary>
public sealed record QuarantineActionResult(int Changed, int Unchanged, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static QuarantineActionResult Failed(params string[] errors) => new(0, 0, errors);
}
