using System.Globalization;

namespace MxPortal.Domain.MxRules;

/// <summary>
/// The duration notation of MX rules: a whole number followed by one unit, <c>s</c>, <c>m</c>, <c>h</c> or
/// <c>d</c> (<c>10s</c>, <c>4m</c>, <c>1h</c>, <c>1d</c>). Values are kept as <see cref="TimeSpan"/> so they
/// persist as-is; formatting picks the largest unit that divides exactly, so parse and format round-trip.
/// </summary>
public static class Duration
{
    private static readonly (char Unit, long Seconds)[] Units = [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)];

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s) || s.Length < 2) return false;
        var unit = char.ToLowerInvariant(s[^1]);
        var seconds = Array.Find(Units, u => u.Unit == unit).Seconds;
        if (seconds == 0) return false;
        if (!long.TryParse(s.AsSpan(0, s.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return false;
        // Note: cap at 10,000 days so the multiplication cannot overflow TimeSpan.
        if (n > 10_000L * 86_400 / seconds) return false;
        value = TimeSpan.FromSeconds(n * seconds);
        return true;
    }

    /// <exception cref="DomainException">The text is not a duration.</exception>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new DomainException($"'{text}' is not a duration: write a whole number and s, m, h or d (e.g. 10s, 4m, 1h, 1d).");

    /// <exception cref="DomainException">The value is negative or not a whole number of seconds.</exception>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero || value.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new DomainException($"{value} cannot be written as a rule duration: whole, non-negative seconds only.");
        var total = (long)value.TotalSeconds;
        if (total == 0) return "0s";
        foreach (var (unit, seconds) in Units)
            if (total % seconds == 0) return (total / seconds).ToString(CultureInfo.InvariantCulture) + unit;
        throw new System.Diagnostics.UnreachableException();
    }
}
