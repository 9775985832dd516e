namespace MxPortal.Domain.Sync;

/// <summary>
/// The suppression list loaded for lookups: an address is suppressed when it is listed itself or when its domain
/// or any parent domain is listed (<c>example.com</c> covers <c>mail.example.com</c>).
/// </summary>
public sealed class SuppressionSet
{
    private readonly HashSet<string> _addresses;
    private readonly HashSet<string> _domains;

    public SuppressionSet(IEnumerable<SuppressionEntry> entries)
    {
        var list = entries.ToList();
        _addresses = list.Where(e => e.Kind == SuppressionKind.Address).Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
        _domains = list.Where(e => e.Kind == SuppressionKind.Domain).Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
    }

    public static SuppressionSet Empty { get; } = new([]);

    public int Count => _addresses.Count + _domains.Count;

    /// <summary>The listed value that suppresses <paramref name="address"/> (itself or a domain), or null.</summary>
    public string? Match(string address)
    {
        var candidates = Candidates(address);
        if (_addresses.Contains(candidates[0])) return candidates[0];
        // Note: the address itself holds an '@', which no domain entry does, so every candidate can be tried as a domain.
        return candidates.FirstOrDefault(_domains.Contains);
    }

    /// <summary>
    /// The values that would suppress <paramref name="address"/>, normalized as entries are: the address itself first,
    /// then its domain and each parent domain (<c>a@mail.example.com</c>: the address, <c>mail.example.com</c>,
    /// <c>example.com</c>, <c>com</c>). A lookup by these values finds every entry that matters for the address.
    /// </summary>
    public static IReadOnlyList<string> Candidates(string address)
    {
        var value = address.Trim().TrimEnd('.').ToLowerInvariant();
        var candidates = new List<string>(4) { value };
        var at = value.LastIndexOf('@');
        var domain = at >= 0 ? value[(at + 1)..] : value;
        while (domain.Length > 0)
        {
            if (domain != value) candidates.Add(domain);
            var dot = domain.IndexOf('.');
            if (dot < 0) break;
            domain = domain[(dot + 1)..];
        }
        return candidates;
    }

    public bool Contains(string address) => Match(address) is not null;
}
