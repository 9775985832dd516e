namespace MxPortal.Domain.Sync;

/// <summary>
/// The one merge rule of synchronization, for any ordered rule list with a natural key: local items stay as they
/// are and come first (a client's own rule overrides the published one of the same key, which is then skipped);
/// the synced items are replaced by the published ones, in the published order. The changes are computed on the
/// synced items only, each described by its JSON including its position among them.
/// </summary>
public static class KeyedMerge
{
    /// <param name="current">The client's list, in order.</param>
    /// <param name="published">The feed's list, in order, already marked as synced.</param>
    /// <param name="key">Natural key, compared ordinally (normalize it in the function).</param>
    /// <param name="isLocal">True for items synchronization must never touch.</param>
    /// <param name="describe">JSON of one item at a position (the position is part of what can change).</param>
    /// <param name="keepLast">Optional: the key of an item that must stay last (the generic MX rule).</param>
    public static (IReadOnlyList<T> Items, IReadOnlyList<SyncChange> Changes) Merge<T>(
        SyncDataType type, IReadOnlyList<T> current, IReadOnlyList<T> published, Func<T, string> key,
        Func<T, bool> isLocal, Func<T, int, string> describe, string? keepLast = null)
    {
        var local = current.Where(isLocal).ToList();
        var localKeys = local.Select(key).ToHashSet(StringComparer.Ordinal);
        var synced = published.Where(p => !localKeys.Contains(key(p))).ToList();

        var items = new List<T>(local.Count + synced.Count);
        items.AddRange(local.Where(i => key(i) != keepLast));
        items.AddRange(synced.Where(i => key(i) != keepLast));
        items.AddRange(local.Where(i => key(i) == keepLast));
        if (!local.Any(i => key(i) == keepLast)) items.AddRange(synced.Where(i => key(i) == keepLast));

        var before = Describe(current.Where(i => !isLocal(i)).ToList(), key, describe);
        var after = Describe(synced, key, describe);
        var changes = new List<SyncChange>();
        foreach (var (k, json) in after)
        {
            if (!before.TryGetValue(k, out var old)) changes.Add(new SyncChange(type, k, ChangeKind.Added, null, json));
            else if (old != json) changes.Add(new SyncChange(type, k, ChangeKind.Changed, old, json));
        }
        foreach (var (k, json) in before)
            if (!after.ContainsKey(k)) changes.Add(new SyncChange(type, k, ChangeKind.Removed, json, null));
        return (items, changes);
    }

    private static Dictionary<string, string> Describe<T>(IReadOnlyList<T> items, Func<T, string> key, Func<T, int, string> describe)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++) result.TryAdd(key(items[i]), describe(items[i], i + 1));
        return result;
    }
}
