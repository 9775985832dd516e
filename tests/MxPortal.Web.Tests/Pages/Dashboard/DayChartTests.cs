using MxPortal.Infrastructure.Dashboard;
using MxPortal.Web.Components.Pages.Dashboard;

namespace MxPortal.Web.Tests.Pages.Dashboard;

public sealed class DayChartTests
{
    private static readonly DateTime[] Days = [new(2026, 11, 1), new(2026, 11, 2), new(2026, 11, 3)];

    [Fact]
    public void NoCountInTheWindow_IsEmpty()
    {
        Assert.True(DayChart.Of(Days, []).IsEmpty);
        Assert.True(DayChart.Of(Days, [new DayCount(new DateTime(2026, 10, 1), "Hard", 4)]).IsEmpty);
    }

    [Fact]
    public void OneBounceOnOneDay_IsNotEmpty_AndEveryDayHasAValue()
    {
        var chart = DayChart.Of(Days, [new DayCount(Days[1], "Hard", 1)]);

        Assert.False(chart.IsEmpty);
        Assert.Equal([0d, 1d, 0d], Assert.Single(chart.Series).Data.Values);
    }

    [Fact]
    public void Growth_EmptyOnlyWhenNothingIsInQuarantineAndNothingMoved()
    {
        Assert.True(DayChart.Growth([new(Days[0], 0, 0, 0), new(Days[1], 0, 0, 0)]).IsEmpty);
        Assert.False(DayChart.Growth([new(Days[0], 0, 0, 0), new(Days[1], 0, 0, 1)]).IsEmpty);
        Assert.False(DayChart.Growth([new(Days[0], 3, 0, 0)]).IsEmpty);
    }
}
