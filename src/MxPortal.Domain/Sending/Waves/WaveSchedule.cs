namespace MxPortal.Domain.Sending.Waves;

/// <summary>
/// A ramp-up calendar (issue 5). Rules: offsets are zero or more and strictly ascending; each wave has a positive
/// size or a percentage in (0, 100], and the percentages add up to 100 at most. Waves take their share in order
/// (a percentage is of the whole list, rounded down), capped by what is left; <b>the last wave takes whatever
/// remains, whatever its own size says</b>, so no recipient is ever left out. No waves means everyone at once.
/// </summary>
public sealed class WaveSchedule
{
    private readonly IReadOnlyList<Wave> waves;

    private WaveSchedule(IReadOnlyList<Wave> waves) => this.waves = waves;

    /// <summary>Everyone at the start.</summary>
    public static WaveSchedule Immediate { get; } = new([Wave.OfPercent(TimeSpan.Zero, 100)]);

    public IReadOnlyList<Wave> Waves => waves;

    /// <summary>Every problem of the calendar; empty when <see cref="Create"/> will accept it.</summary>
    public static IReadOnlyList<WaveError> Validate(IReadOnlyList<Wave> waves)
    {
        var errors = new List<WaveError>();
        for (var i = 0; i < waves.Count; i++)
        {
            var (w, n) = (waves[i], i + 1);
            if (w.Offset < TimeSpan.Zero) errors.Add(new(n, nameof(Wave.Offset), "must not be negative."));
            else if (i > 0 && w.Offset <= waves[i - 1].Offset)
                errors.Add(new(n, nameof(Wave.Offset), $"must come after wave {i}'s offset ({waves[i - 1].Offset})."));
            if (w.Size is null == w.Percent is null)
                errors.Add(new(n, nameof(Wave.Size), "give either a size or a percentage, not both or neither."));
            else if (w.Size is <= 0) errors.Add(new(n, nameof(Wave.Size), $"must be positive (was {w.Size})."));
            else if (w.Percent is { } p && !(p > 0 && p <= 100))
                errors.Add(new(n, nameof(Wave.Percent), $"must be more than 0 and at most 100 (was {p})."));
        }
        var total = waves.Sum(w => w.Percent ?? 0);
        if (total > 100) errors.Add(new(null, nameof(Wave.Percent), $"the percentages add up to {total}, more than 100."));
        return errors;
    }

    /// <exception cref="DomainException">The calendar is invalid; user input goes through <see cref="Validate"/> first.</exception>
    public static WaveSchedule Create(IReadOnlyList<Wave> waves)
    {
        if (waves.Count == 0) return Immediate;
        var errors = Validate(waves);
        if (errors.Count > 0) throw new DomainException("Invalid waves: " + string.Join(" ", errors));
        return new WaveSchedule(waves.ToArray());
    }

    /// <summary>Each wave's start and recipient range for a list of <paramref name="recipientCount"/>.</summary>
    public IReadOnlyList<WaveSlot> Plan(DateTime startUtc, int recipientCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recipientCount);
        var slots = new List<WaveSlot>(waves.Count);
        var first = 0;
        for (var i = 0; i < waves.Count; i++)
        {
            var left = recipientCount - first;
            var share = i == waves.Count - 1 ? left : Math.Min(left, ShareOf(waves[i], recipientCount));
            slots.Add(new WaveSlot(i + 1, startUtc + waves[i].Offset, first, share));
            first += share;
        }
        return slots;
    }

    /// <summary>How many recipients (the first ones of the list) may have been released <paramref name="elapsed"/> after the start.</summary>
    public int ReleasedBy(TimeSpan elapsed, int recipientCount) =>
        Plan(DateTime.MinValue, recipientCount).Where(s => s.StartUtc - DateTime.MinValue <= elapsed).Select(s => s.EndIndex).DefaultIfEmpty(0).Max();

    // Note: decimal keeps 10 % of 1,000 exactly 100 where a double product could round down to 99.
    private static int ShareOf(Wave wave, int total) =>
        wave.Size ?? (int)Math.Floor((decimal)total * (decimal)wave.Percent!.Value / 100m);
}
