namespace MxPortal.Infrastructure.Sync;

/// <summary>What a conditional GET returned: 304, or the body with its signature headers.</summary>
public sealed record FeedFetch(bool NotModified, byte[] Payload, string? Signature, string? KeyId, string? ETag)
{
    public static FeedFetch Unchanged { get; } = new(true, [], null, null, null);
}
