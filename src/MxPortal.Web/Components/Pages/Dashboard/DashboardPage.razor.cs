using Microsoft.AspNetCore.Components;
using MxPortal.Infrastructure.Dashboard;
using MxPortal.Infrastructure.Deliveries.Budgets;

namespace MxPortal.Web.Components.Pages.Dashboard;

public sealed partial class DashboardPage
{
    /// <summary>Domains with fewer attempts in the window are left out of rates: a few messages say nothing.</summary>
    public const long MinAttempts = 100;

    private const int Top = 10;
    private int _days = 30;
    private DashboardData? _data;

    [Inject] private DashboardQueries Queries { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task ChangeDaysAsync(int days)
    {
        _days = days;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var days = Enumerable.Range(0, _days).Select(i => Queries.WindowStart(_days).AddDays(i)).ToList();
        var rates = await Queries.DomainRatesAsync(_days, MinAttempts);
        _data = new DashboardData(
            DayChart.Of(days, await Queries.BouncesByTypeAsync(_days)),
            DayChart.Of(days, await Queries.BouncesByReasonAsync(_days)),
            DayChart.Growth(await Queries.QuarantineGrowthAsync(_days)),
            [.. rates.OrderByDescending(r => r.HardRate).Take(Top)],
            [.. rates.OrderByDescending(r => r.SoftRate).Take(Top)],
            [.. rates.Where(r => r.Complaints > 0).OrderByDescending(r => r.ComplaintRate).Take(Top)],
            [.. rates.Where(r => r.IsAboveAThreshold)],
            await Queries.TotalsAsync(_days),
            await Queries.ActiveBackoffsAsync());
    }

    private static string Until(BudgetState b) =>
        b.SuspendedUntilUtc?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    private static IEnumerable<string> Breaches(DomainRates r)
    {
        if (r.HardAbove) yield return $"hard {r.HardRate:P1}";
        if (r.SoftAbove) yield return $"soft {r.SoftRate:P1}";
        if (r.ComplaintsAbove) yield return $"complaints {r.ComplaintRate:P2}";
    }

    private sealed record DashboardData(DayChart ByType, DayChart ByReason, DayChart Growth, IReadOnlyList<DomainRates> TopHard,
        IReadOnlyList<DomainRates> TopSoft, IReadOnlyList<DomainRates> TopComplaints, IReadOnlyList<DomainRates> Warnings, DomainRates Totals,
        IReadOnlyList<BudgetState> Backoffs);
}
