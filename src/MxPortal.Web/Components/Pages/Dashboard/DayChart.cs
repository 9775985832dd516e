using System.Globalization;
using MudBlazor;
using MxPortal.Infrastructure.Dashboard;

namespace MxPortal.Web.Components.Pages.Dashboard;

/// <summary>A per-day chart's labels and series, every day of the window present (zero when nothing happened).</summary>
public sealed record DayChart(string[] Labels, List<ChartSeries<double>> Series)
{
    /// <summary>Nothing happened on any day of the window: the page says so instead of drawing an empty axis.</summary>
    public bool IsEmpty { get; private init; }

    public static DayChart Of(IReadOnlyList<DateTime> days, IReadOnlyList<DayCount> counts)
    {
        var series = counts.Select(c => c.Series).Distinct().Order(StringComparer.Ordinal)
            .Select(name => new ChartSeries<double>
            {
                Name = name,
                Data = new ChartData<double>([.. days.Select(d => (double)counts.Where(c => c.Series == name && c.Day == d).Sum(c => c.Count))]),
            }).ToList();
        return new DayChart(LabelsOf(days), series) { IsEmpty = !counts.Any(c => c.Count != 0 && days.Contains(c.Day)) };
    }

    public static DayChart Growth(IReadOnlyList<QuarantineGrowthPoint> points) => new(LabelsOf([.. points.Select(p => p.Day)]),
    [
        new() { Name = "In quarantine", Data = new ChartData<double>([.. points.Select(p => (double)p.Total)]) },
        new() { Name = "Entered", Data = new ChartData<double>([.. points.Select(p => (double)p.Entered)]) },
        new() { Name = "Left", Data = new ChartData<double>([.. points.Select(p => (double)p.Left)]) },
    ])
    { IsEmpty = points.All(p => p is { Total: 0, Entered: 0, Left: 0 }) };

    // Note: about eight labels whatever the window, so the axis stays readable.
    private static string[] LabelsOf(IReadOnlyList<DateTime> days)
    {
        var step = Math.Max(1, days.Count / 8);
        return [.. days.Select((d, i) => i % step == 0 ? d.ToString("MM-dd", CultureInfo.InvariantCulture) : "")];
    }
}
