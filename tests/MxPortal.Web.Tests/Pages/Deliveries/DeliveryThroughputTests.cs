using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using MxPortal.Infrastructure.Deliveries.Live;
using MxPortal.Web.Components.Pages.Deliveries;

namespace MxPortal.Web.Tests.Pages.Deliveries;

public sealed class DeliveryThroughputTests
{
    [Fact]
    public async Task LastMinute_CountsTheLastWholeMinute_NotTheOneJustBegun()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var now = new DateTime(2026, 11, 29, 2, 44, 0, DateTimeKind.Utc);
        // Note: the reader's last point is the minute under way, seconds old and so nearly empty.
        ThroughputPoint[] points = [new(now.AddMinutes(-2), 40, 0, 0), new(now.AddMinutes(-1), 50, 8, 2), new(now, 1, 0, 0)];

        var chart = ctx.Render<DeliveryThroughput>(p => p.Add(x => x.Points, points));

        Assert.Equal("Last whole minute (02:43 UTC): 60 attempts", chart.Find("#throughput-last").TextContent.Trim());
    }
}
