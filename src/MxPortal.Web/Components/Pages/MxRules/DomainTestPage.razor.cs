using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MxPortal.Domain.Routing;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Routing;

namespace MxPortal.Web.Components.Pages.MxRules;

public sealed partial class DomainTestPage
{
    private string? _input;
    private bool _busy;
    private MxResolution? _resolution;
    private IReadOnlyList<HostRuleRow> _rows = [];
    private string _levelSummary = "";
    private string? _inputError;

    [Inject] private IMxResolver Resolver { get; set; } = default!;
    [Inject] private MxRuleStore Rules { get; set; } = default!;
    [Inject] private ThroughputStore Throughput { get; set; } = default!;
    [Inject] private SendingIdentityStore Identities { get; set; } = default!;

    private async Task OnKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await TestAsync();
    }

    private async Task TestAsync()
    {
        var domain = DomainReport.DomainOf(_input ?? "");
        // Note: the result of the domain before would otherwise stay up, as if it answered this input.
        (_resolution, _rows, _inputError) = (null, [], domain.Length == 0 ? "Enter a domain (example.com) or an address (jane@example.com)." : null);
        if (domain.Length == 0) return;
        _busy = true;
        try
        {
            _resolution = await Resolver.ResolveAsync(domain);
            var settings = await Throughput.GetAsync();
            _levelSummary = $"instance {LevelText.Name(settings.InstanceLevel)}" +
                            string.Concat(settings.Overrides.Select(o => $", identity {o.Key} {LevelText.Name(o.Value)}"));
            _rows = _resolution.IsSuccess
                ? DomainReport.Rows(_resolution, await Rules.LoadAsync(), settings, await Identities.ListAsync(), await Throughput.GetLevelsAsync())
                : [];
        }
        finally
        {
            _busy = false;
        }
    }
}
