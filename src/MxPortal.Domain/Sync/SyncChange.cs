namespace MxPortal.Domain.Sync;

/// <summary>One rule a synchronization added, changed or removed, with its JSON before and after (null when absent).</summary>
public sealed record SyncChange(SyncDataType DataType, string Key, ChangeKind Kind, string? Before, string? After);
