namespace MxPortal.Domain.Sending.Waves;

/// <summary>A problem with one wave (<see cref="Number"/> is one-based), or with the calendar as a whole when null.</summary>
public sealed record WaveError(int? Number, string Field, string Message)
{
    public override string ToString() => Number is { } n ? $"Wave {n}, {Field}: {Message}" : $"Waves: {Message}";
}
