namespace MxPortal.Domain.Sync;

/// <summary>One row of a drift report: a rule (by its key) as it is here and as it is published.</summary>
public sealed record DriftItem(SyncDataType DataType, string Key, DriftKind Kind, string? Local, string? Published)
{
    /// <summary>A published rule can be adopted when it is missing here or differs.</summary>
    public bool CanAdopt => Kind is DriftKind.OnlyPublished or DriftKind.Different;
}
