namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// Publisher side: the count a client (by API key) last reported for one normalized text, so a repeated push adds
/// only what is new and a retried push adds nothing.
/// </summary>
public sealed class UpstreamQualification
{
    public long Id { get; set; }
    public int ApiKeyId { get; set; }
    public string Md5 { get; set; } = "";
    public long ReportedCount { get; set; }
    public DateTime LastPushUtc { get; set; }
}
