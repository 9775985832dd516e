using MxPortal.Domain.Routing;

namespace MxPortal.Web.Components.Pages.Identities;

/// <summary>The editable form of a sending identity; domain masks are typed as comma-separated lists.</summary>
public sealed class IdentityForm
{
    public int PublicId { get; set; }
    public string SourceIp { get; set; } = "";
    public string HeloName { get; set; } = "";
    public int Weight { get; set; } = 1;
    public string IncludeDomains { get; set; } = "";
    public string ExcludeDomains { get; set; } = "";
    public bool Enabled { get; set; } = true;

    public static IdentityForm From(SendingIdentity i) => new()
    {
        PublicId = i.PublicId,
        SourceIp = i.SourceIp,
        HeloName = i.HeloName,
        Weight = i.Weight,
        IncludeDomains = string.Join(", ", i.IncludeDomains),
        ExcludeDomains = string.Join(", ", i.ExcludeDomains),
        Enabled = i.Enabled,
    };

    public SendingIdentity ToIdentity() => new()
    {
        PublicId = PublicId,
        SourceIp = (SourceIp ?? "").Trim(),
        HeloName = (HeloName ?? "").Trim(),
        Weight = Weight,
        IncludeDomains = Split(IncludeDomains),
        ExcludeDomains = Split(ExcludeDomains),
        Enabled = Enabled,
    };

    private static string[] Split(string? masks) =>
        (masks ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
