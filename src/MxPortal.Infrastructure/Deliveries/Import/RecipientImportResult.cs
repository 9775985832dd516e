namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>
/// The end of an import: counts and the first issues (all of them are stored), or why nothing was imported
/// (<see cref="Refusal"/>: a bad header, a delivery that is no longer a draft).
/// </summary>
public sealed record RecipientImportResult(string? Refusal, int Imported, int Rejected, int Doubles, IReadOnlyList<DeliveryImportIssue> FirstIssues)
{
    public bool Applied => Refusal is null;

    public static RecipientImportResult Refused(string reason) => new(reason, 0, 0, 0, []);
}
