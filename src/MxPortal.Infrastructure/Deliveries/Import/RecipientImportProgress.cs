namespace MxPortal.Infrastructure.Deliveries.Import;

/// <summary>Where an import stands; <see cref="BytesTotal"/> is null when the caller did not know the size.</summary>
public sealed record RecipientImportProgress(long BytesRead, long? BytesTotal, int Imported, int Rejected, int Doubles)
{
    public int Rows => Imported + Rejected + Doubles;

    public double? Percent => BytesTotal is > 0 and var total ? Math.Min(100, 100.0 * BytesRead / total) : null;
}
