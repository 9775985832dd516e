namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>A row of the last recipient import of a delivery that was not imported, with its line (one-based).</summary>
public sealed class DeliveryImportIssue
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public long Line { get; set; }
    public ImportIssueKind Kind { get; set; }
    public string Message { get; set; } = "";
}
