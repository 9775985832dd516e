using System.ComponentModel.DataAnnotations;

namespace MxPortal.Web;

/// <summary>Configuration section <c>Portal</c>.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Name shown in the app bar and the browser title, e.g. "MxPortal (production)".</summary>
    [Required, StringLength(80, MinimumLength = 1)]
    public string InstanceName { get; set; } = "MxPortal";

    /// <summary>IANA time zone of recurring job schedules (e.g. <c>Europe/Paris</c>). Default <c>UTC</c>.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Minutes of inactivity after which a portal session ends. Default 480.</summary>
    [Range(5, 10080)]
    public int SessionMinutes { get; set; } = 480;
}
