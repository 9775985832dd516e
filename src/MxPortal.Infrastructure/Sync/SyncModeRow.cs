using MxPortal.Domain.Sync;

namespace MxPortal.Infrastructure.Sync;

/// <summary>Custom mode of one data type: synchronization off for it. No row = synchronized.</summary>
public sealed class SyncModeRow
{
    public SyncDataType DataType { get; set; }
    public bool Custom { get; set; }
    public DateTime ChangedUtc { get; set; }
    public string ChangedBy { get; set; } = "";
}
