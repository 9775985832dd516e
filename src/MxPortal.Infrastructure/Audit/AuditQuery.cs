namespace MxPortal.Infrastructure.Audit;

/// <summary>Filters of the audit page and its CSV export.</summary>
public sealed record AuditQuery(
    string? Actor = null,
    string? Action = null,
    string? Text = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null);
