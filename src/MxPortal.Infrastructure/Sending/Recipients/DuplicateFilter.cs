using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending.Recipients;

/// <summary>
/// Spots repeated addresses in memory, case-insensitively, for small lists and previews. The import of large lists
/// relies on the store's unique index on (delivery, <see cref="EmailAddress.Key"/>) instead: this set grows with the list.
/// </summary>
public sealed class DuplicateFilter
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    /// <summary>True the first time an address is seen, false for every repeat (a Double, DOMAIN.md §5).</summary>
    public bool IsFirst(EmailAddress address) => seen.Add(address.Key);
}
