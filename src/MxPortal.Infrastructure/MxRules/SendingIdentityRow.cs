namespace MxPortal.Infrastructure.MxRules;

/// <summary>
/// The stored form of one sending identity, with its throughput level override (null: the instance level).
/// Domain masks are kept comma-separated: a valid mask never contains a comma.
/// </summary>
public sealed class SendingIdentityRow
{
    public int Id { get; set; }
    public int PublicId { get; set; }
    public string SourceIp { get; set; } = "";
    public string HeloName { get; set; } = "";
    public int Weight { get; set; } = 1;
    public string IncludeDomains { get; set; } = "";
    public string ExcludeDomains { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public int? LevelOverride { get; set; }
}
