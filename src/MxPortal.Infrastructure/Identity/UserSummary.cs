namespace MxPortal.Infrastructure.Identity;

/// <summary>A row of the Users page.</summary>
public sealed record UserSummary(
    string Id,
    string Email,
    IReadOnlyList<string> Roles,
    DateTime? LockedUntilUtc,
    int FailedLogins,
    DateTime CreatedUtc,
    DateTime? LastSignInUtc)
{
    public bool IsLocked(DateTime nowUtc) => LockedUntilUtc is { } until && until > nowUtc;
}
