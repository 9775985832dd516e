using Microsoft.EntityFrameworkCore;

namespace MxPortal.Infrastructure.Data;

/// <summary>
/// One page of a list and how many rows match. Counting stops at <see cref="CountCap"/> + 1 (shown as
/// "10,000+"): an exact count over a million filtered rows costs more than the page itself and tells a reader nothing more.
/// </summary>
public sealed record PageResult<T>(IReadOnlyList<T> Items, int Total, bool TotalIsCapped)
{
    public const int CountCap = 10_000;

    public string TotalText => TotalIsCapped ? $"{CountCap:N0}+" : Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>COUNT(*) over at most <see cref="CountCap"/> + 1 rows of <paramref name="query"/>.</summary>
    public static async Task<(int Total, bool Capped)> CountAsync(IQueryable<T> query, CancellationToken ct)
    {
        var n = await query.Take(CountCap + 1).CountAsync(ct);
        return n > CountCap ? (CountCap + 1, true) : (n, false);
    }
}
