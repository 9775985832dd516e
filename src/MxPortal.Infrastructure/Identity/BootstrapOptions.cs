namespace MxPortal.Infrastructure.Identity;

/// <summary>Configuration section <c>Bootstrap</c>: the first Administrator, created when none exists.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";

    /// <summary>Email (and user name) of the bootstrap Administrator. Default <c>admin@mxportal.local</c>.</summary>
    public string AdminEmail { get; set; } = "admin@mxportal.local";

    /// <summary>
    /// Its password (e.g. environment variable <c>Bootstrap__AdminPassword</c>). When empty, a password is
    /// generated and written once to the log. Used only when no Administrator exists.
    /// </summary>
    public string? AdminPassword { get; set; }
}
