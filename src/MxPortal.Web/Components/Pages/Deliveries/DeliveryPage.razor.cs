using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Live;

namespace MxPortal.Web.Components.Pages.Deliveries;

/// <summary>
/// One delivery, live: everything is read from the database every few seconds (so any node shows every node's
/// progress), with the controls an Operator has. The service checks the role again on every control.
/// </summary>
public sealed partial class DeliveryPage
{
    private readonly CancellationTokenSource _stop = new();
    private DeliveryLiveView? _view;
    private IReadOnlyList<DeliverySettingsError> _errors = [];
    private ClaimsPrincipal _actor = new();
    private bool _canOperate, _loaded, _busy;

    [Parameter] public long Id { get; set; }
    [Inject] private DeliveryReader Reader { get; set; } = default!;
    [Inject] private DeliveryService Deliveries { get; set; } = default!;
    [Inject] private IOptions<DeliveryPortalOptions> Options { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _actor = (await AuthenticationState).User;
        _canOperate = Policies.Allows(Policies.OperateDeliveries, _actor.IsInRole);
        _view = await Reader.LiveAsync(Id);
        _loaded = true;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = RefreshLoopAsync(_stop.Token);
    }

    private async Task RefreshLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Options.Value.LiveRefreshSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var view = await Reader.LiveAsync(Id, ct);
                await InvokeAsync(() =>
                {
                    _view = view;
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // Note: the page was closed.
        }
    }

    private IEnumerable<(string Label, long Value, string Key)> Counts()
    {
        var v = _view!;
        yield return ("Recipients", v.States.Values.Sum(), "Total");
        foreach (var state in Enum.GetValues<RecipientState>())
        {
            var count = v.Count(state) - (state == RecipientState.Deferred ? v.Waiting : 0);
            yield return (state == RecipientState.InFlight ? "In flight" : state.ToString(), count, state.ToString());
        }
        yield return ("Waiting for a wave", v.Waiting, "Waiting");
    }

    private Task StartAsync() => ControlAsync(a => Deliveries.StartAsync(a, Id), "started");

    private Task PauseAsync() => ControlAsync(a => Deliveries.PauseAsync(a, Id), "paused");

    private Task ResumeAsync() => ControlAsync(a => Deliveries.ResumeAsync(a, Id), "resumed");

    private async Task CancelAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Cancel delivery",
            "Cancel this delivery? Recipients not sent yet will never be sent.", yesText: "Cancel delivery", cancelText: "Keep it");
        if (confirmed == true) await ControlAsync(a => Deliveries.CancelAsync(a, Id), "cancelled");
    }

    private async Task ControlAsync(Func<ClaimsPrincipal, Task<DeliveryChange>> action, string done)
    {
        _busy = true;
        try
        {
            var change = await action(_actor);
            _errors = change.Errors;
            if (change.Applied) Snackbar.Add($"Delivery {Id} {done}.", Severity.Success);
            _view = await Reader.LiveAsync(Id);
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
