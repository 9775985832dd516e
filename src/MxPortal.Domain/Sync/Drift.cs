namespace MxPortal.Domain.Sync;

/// <summary>
/// Compares this instance's rules with the published ones, rule by rule, whatever their source: the drift report
/// of a data type in Custom mode. Published order first, then what only exists here.
/// </summary>
public static class Drift
{
    /// <param name="describe">JSON of one item without its source or position: what "the same rule" means.</param>
    public static IReadOnlyList<DriftItem> Compare<T>(SyncDataType type, IReadOnlyList<T> local, IReadOnlyList<T> published,
        Func<T, string> key, Func<T, string> describe)
    {
        var here = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in local) here.TryAdd(key(item), describe(item));
        var items = new List<DriftItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in published)
        {
            var k = key(item);
            if (!seen.Add(k)) continue;
            var json = describe(item);
            items.Add(here.TryGetValue(k, out var mine)
                ? new DriftItem(type, k, mine == json ? DriftKind.Same : DriftKind.Different, mine, json)
                : new DriftItem(type, k, DriftKind.OnlyPublished, null, json));
        }
        foreach (var (k, json) in here)
            if (!seen.Contains(k)) items.Add(new DriftItem(type, k, DriftKind.OnlyLocal, json, null));
        return items;
    }
}
