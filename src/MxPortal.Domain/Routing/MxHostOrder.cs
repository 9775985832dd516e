namespace MxPortal.Domain.Routing;

/// <summary>RFC 5321 §5.1 ordering: by preference, smallest first; equal preferences in random order.</summary>
public static class MxHostOrder
{
    /// <summary>
    /// Sorts by preference and shuffles each group of equal preference (Fisher-Yates), so load spreads over
    /// equal hosts. <paramref name="random"/> is injected: seeded in tests, shared in production.
    /// </summary>
    public static IReadOnlyList<MxHost> Arrange(IEnumerable<MxHost> hosts, Random random)
    {
        var sorted = hosts.OrderBy(h => h.Preference).ThenBy(h => h.Name, StringComparer.Ordinal).ToArray();
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start;
            while (end + 1 < sorted.Length && sorted[end + 1].Preference == sorted[start].Preference) end++;
            for (var i = end; i > start; i--)
            {
                var j = random.Next(start, i + 1);
                (sorted[i], sorted[j]) = (sorted[j], sorted[i]);
            }
            start = end + 1;
        }
        return sorted;
    }
}
