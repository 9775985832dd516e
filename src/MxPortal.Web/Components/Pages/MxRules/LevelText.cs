using MxPortal.Domain.MxRules;

namespace MxPortal.Web.Components.Pages.MxRules;

/// <summary>Throughput level names as DOMAIN.md writes them ("Very Fast", not the enum's "VeryFast").</summary>
public static class LevelText
{
    public static string Name(ThroughputLevel level) => level == ThroughputLevel.VeryFast ? "Very Fast" : level.ToString();

    /// <summary>The factor in force (<paramref name="levels"/>: the stored, synchronized table; else the defaults).</summary>
    public static string Factor(ThroughputLevel level, ThroughputLevels? levels = null) =>
        "×" + (levels ?? ThroughputLevels.Default).Factor(level).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
