namespace MxPortal.Domain.Sending.Waves;

/// <summary>
/// One step of a ramp-up calendar: from <see cref="Offset"/> after the delivery starts, release either
/// <see cref="Size"/> more recipients or <see cref="Percent"/> of all of them. Exactly one of the two is set.
/// </summary>
public sealed record Wave(TimeSpan Offset, int? Size, double? Percent)
{
    public static Wave OfSize(TimeSpan offset, int size) => new(offset, size, null);

    public static Wave OfPercent(TimeSpan offset, double percent) => new(offset, null, percent);
}
