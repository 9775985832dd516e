namespace MxPortal.Infrastructure.Sync;

/// <summary>The feed as served: its version (also the ETag), the exact body and its signature.</summary>
public sealed record PublishedFeed(string Version, byte[] Payload, string Signature, string KeyId)
{
    public string ETag => $"\"{Version}\"";
}
