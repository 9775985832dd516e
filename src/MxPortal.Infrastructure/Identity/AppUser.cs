using Microsoft.AspNetCore.Identity;

namespace MxPortal.Infrastructure.Identity;

/// <summary>A team member who signs in to the portal.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>UTC.</summary>
    public DateTime CreatedUtc { get; set; }

    /// <summary>UTC of the last successful sign-in, if any.</summary>
    public DateTime? LastSignInUtc { get; set; }
}
