namespace MxPortal.Domain.Sending;

/// <summary>The counts of one budget: a ring of the last twelve slices. Callers hold its lock.</summary>
internal sealed class BudgetCounter
{
    public const int Window = 12;
    private readonly int[] _ring = new int[Window];
    private long _newestSlice = long.MinValue;

    public int OpenConnections { get; set; }
    public DateTime? SuspendedUntilUtc { get; set; }
    public string? SuspensionCause { get; set; }

    /// <summary>Counts of the window ending at <paramref name="slice"/>: [0] is that slice, [11] eleven slices before.</summary>
    public int[] Counts(long slice)
    {
        Advance(slice);
        var counts = new int[Window];
        for (var age = 0; age < Window; age++) counts[age] = _ring[Index(slice - age)];
        return counts;
    }

    public void Add(long slice, int delta)
    {
        Advance(slice);
        ref var count = ref _ring[Index(slice)];
        count = Math.Max(0, count + delta);
    }

    /// <summary>Clears the slots of slices that fell out of the window since the last call.</summary>
    private void Advance(long slice)
    {
        if (slice <= _newestSlice) return;
        var gap = _newestSlice == long.MinValue ? Window : Math.Min(Window, slice - _newestSlice);
        for (var i = 0; i < gap; i++) _ring[Index(slice - i)] = 0;
        _newestSlice = slice;
    }

    private static int Index(long slice) => (int)(((slice % Window) + Window) % Window);
}
