namespace MxPortal.Infrastructure.Sync;

/// <summary>The client's connection to the publisher (the I/O seam of synchronization).</summary>
public interface IRuleFeed
{
    /// <summary>A conditional GET of the feed.</summary>
    /// <exception cref="RuleFeedException">Unreachable, too slow, refused, or an unexpected answer.</exception>
    Task<FeedFetch> FetchAsync(string? etag, CancellationToken ct);

    /// <summary>Sends normalized qualification texts up; returns how many the publisher took.</summary>
    /// <exception cref="RuleFeedException">As for <see cref="FetchAsync"/>.</exception>
    Task<int> PushQualificationsAsync(IReadOnlyList<PushedText> texts, CancellationToken ct);
}
