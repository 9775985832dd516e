namespace MxPortal.Domain.Sending.Waves;

/// <summary>
/// A wave laid out for a given list: it releases the recipients at zero-based positions
/// [<see cref="FirstIndex"/>, <see cref="EndIndex"/>) of the list's stable order at <see cref="StartUtc"/>.
/// </summary>
public sealed record WaveSlot(int Number, DateTime StartUtc, int FirstIndex, int Count)
{
    public int EndIndex => FirstIndex + Count;
}
