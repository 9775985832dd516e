namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// A client's copy of the last valid feed it fetched (signature checked, fully validated): what it answers a 304
/// with, and what the drift report of a data type in Custom mode compares against. A single row.
/// </summary>
public sealed class FeedSnapshot
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string Version { get; set; } = "";
    public string ETag { get; set; } = "";
    public DateTime IssuedAtUtc { get; set; }
    public DateTime FetchedUtc { get; set; }
    public string Payload { get; set; } = "";
    public string Signature { get; set; } = "";
}
