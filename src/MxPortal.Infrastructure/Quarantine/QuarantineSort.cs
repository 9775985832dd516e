namespace MxPortal.Infrastructure.Quarantine;

/// <summary>The columns the quarantine list sorts on (server side).</summary>
public enum QuarantineSort
{
    Since,
    Address,
    Domain,
    Status,
    ErrorCount,
    LastError,
}
