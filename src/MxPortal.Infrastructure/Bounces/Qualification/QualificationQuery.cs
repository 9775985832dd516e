namespace MxPortal.Infrastructure.Bounces.Qualification;

/// <summary>A page of the qualification table: optional status and text filters, sorted by count (default) or last seen.</summary>
public sealed record QualificationQuery(QualificationStatus? Status = null, string? Text = null, bool ByLastSeen = false, bool Ascending = false);
