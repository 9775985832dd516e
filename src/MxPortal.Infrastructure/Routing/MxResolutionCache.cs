using System.Collections.Concurrent;
using MxPortal.Domain.Routing;

namespace MxPortal.Infrastructure.Routing;

/// <summary>
/// Resolutions by domain until their TTL ends, timed by the injected <see cref="TimeProvider"/> so tests can move
/// the clock. Hosts are stored sorted; the resolver shuffles equal preferences on every read.
/// </summary>
internal sealed class MxResolutionCache(TimeProvider time, int maxEntries)
{
    private readonly ConcurrentDictionary<string, (MxResolution Resolution, DateTimeOffset Expires)> _entries =
        new(StringComparer.Ordinal);

    public bool TryGet(string domain, out MxResolution resolution)
    {
        resolution = null!;
        if (!_entries.TryGetValue(domain, out var entry)) return false;
        if (time.GetUtcNow() < entry.Expires)
        {
            resolution = entry.Resolution;
            return true;
        }
        _entries.TryRemove(KeyValuePair.Create(domain, entry));
        return false;
    }

    public void Set(string domain, MxResolution resolution, TimeSpan ttl)
    {
        if (ttl <= TimeSpan.Zero) return;
        if (_entries.Count >= maxEntries) RemoveExpired();
        if (_entries.Count >= maxEntries) return;
        _entries[domain] = (resolution, time.GetUtcNow() + ttl);
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var entry in _entries)
            if (entry.Value.Expires <= now) _entries.TryRemove(entry);
    }
}
