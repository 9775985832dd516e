namespace MxPortal.Infrastructure.Bounces.Qualification;

/// <summary>The review state of a qualification row (DOMAIN.md §6). Stored as text.</summary>
public enum QualificationStatus
{
    ToQualify,
    Keep,
    Ignore,
}
