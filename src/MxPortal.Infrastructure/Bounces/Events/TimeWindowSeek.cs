using Microsoft.EntityFrameworkCore;

namespace MxPortal.Infrastructure.Bounces.Events;

/// <summary>
/// Finds a short time window that holds one deep page of a time-ordered bounce query, so the page is read by sorting
/// that window instead of every earlier row. Counting matching rows on one side of an instant is cheap (an index range,
/// no sort), so a few interpolated counts bracket the page: a start instant with at most <c>offset</c> rows before it
/// and an end instant with at least <c>offset + size</c>. The page is then the window's rows after skipping
/// <c>offset - rows before the start</c>. Exact whatever the guesses: they only decide how many counts it takes.
/// </summary>
internal static class TimeWindowSeek
{
    /// <summary>The window is good enough when it holds at most this many rows.</summary>
    public const long Window = 2_000;

    private const int MaxProbes = 12;

    /// <param name="matching">The filtered rows, unordered (a count plan).</param>
    /// <param name="firstUtc">The oldest instant in the table; <paramref name="lastUtc"/> the newest.</param>
    /// <param name="estimate">A guess of how many rows match (guides the first count, never trusted).</param>
    /// <returns>The window's rows (still unordered) and how many of them precede the page.</returns>
    public static async Task<(IQueryable<BounceEvent> Rows, long Skip)> SeekAsync(IQueryable<BounceEvent> matching, bool oldestFirst,
        DateTime firstUtc, DateTime lastUtc, long offset, int size, long estimate, CancellationToken ct)
    {
        // Distances run from the instant the order starts at: 0 has no row before it, span has them all.
        var origin = oldestFirst ? firstUtc : lastUtc.AddTicks(1);
        var span = (lastUtc - firstUtc).Ticks + 1;
        DateTime At(long distance) => oldestFirst ? origin.AddTicks(distance) : origin.AddTicks(-distance);
        IQueryable<BounceEvent> Before(DateTime t) => oldestFirst ? matching.Where(e => e.AtUtc < t) : matching.Where(e => e.AtUtc >= t);

        var (startD, startC) = (0L, 0L);
        (long D, long C)? end = null;
        // Note: a count stopped at the page's end settles a page past the last row (and a last, short page) at once.
        var reachable = await matching.Take((int)Math.Min(offset + size, int.MaxValue)).LongCountAsync(ct);
        if (reachable <= offset) return (matching.Where(e => false), 0);
        if (reachable < offset + size) end = (span, reachable);
        long? inside = null;
        for (var probe = 0; probe < MaxProbes; probe++)
        {
            if (end is { } e && e.C - startC <= Window) break;
            var (endD, endC) = end ?? (span, Math.Max(estimate, offset + size + Window));
            if (endD - startD < 2) break;
            // Aim short of the page for the start and past it for the end, whichever is further from done.
            var wantStart = offset - startC > Window / 2;
            long d;
            if (inside is { } i)
            {
                // The last count fell inside the page: halve the side still missing.
                d = wantStart ? startD + (i - startD) / 2 : i + (endD - i + 1) / 2;
            }
            else
            {
                var aim = wantStart ? offset - Window / 4 : offset + size + Window / 4;
                var fraction = (aim - startC) / (double)Math.Max(1, endC - startC);
                d = startD + (long)(Math.Clamp(fraction, 0, 1) * (endD - startD));
            }
            d = Math.Clamp(d, startD + 1, endD - 1);

            var count = await Before(At(d)).LongCountAsync(ct);
            inside = null;
            if (count <= offset) (startD, startC) = (d, count);
            else if (count >= offset + size) end = (d, count);
            else inside = d;
        }

        var start = At(startD);
        var rows = oldestFirst ? matching.Where(e => e.AtUtc >= start) : matching.Where(e => e.AtUtc < start);
        if (end is { } last)
        {
            var stop = At(last.D);
            rows = oldestFirst ? rows.Where(e => e.AtUtc < stop) : rows.Where(e => e.AtUtc >= stop);
        }
        return (rows, offset - startC);
    }
}
