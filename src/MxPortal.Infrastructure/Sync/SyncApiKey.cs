namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// A client's key to the publisher's API. Only the SHA-256 of the key is stored; the key itself is shown once, when it
/// is created or rotated. <see cref="Prefix"/> (the first characters) lets people tell keys apart.
/// </summary>
public sealed class SyncApiKey
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Prefix { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RotatedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }

    public bool IsActive => RevokedUtc is null;
}
