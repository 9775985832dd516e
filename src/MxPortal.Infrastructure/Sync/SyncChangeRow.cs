using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

/// <summary>One rule a run added, changed or removed, with its JSON before and after.</summary>
public sealed class SyncChangeRow
{
    public long Id { get; set; }
    public long SyncRunId { get; set; }
    public SyncDataType DataType { get; set; }
    public string Key { get; set; } = "";
    public ChangeKind Kind { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}
