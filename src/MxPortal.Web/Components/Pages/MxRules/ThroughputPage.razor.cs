using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Web.Components.Pages.MxRules;

public sealed partial class ThroughputPage
{
    private const string InstanceChoice = "";
    private ThroughputSettings? _settings;
    private ThroughputLevels _levels = ThroughputLevels.Default;
    private MxRuleSet? _set;
    private IReadOnlyList<SendingIdentity> _identities = [];
    private bool _canEdit;
    private ClaimsPrincipal _actor = new();

    [Inject] private ThroughputStore Throughput { get; set; } = default!;
    [Inject] private MxRuleStore Rules { get; set; } = default!;
    [Inject] private SendingIdentityStore Identities { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _canEdit = Policies.Allows(Policies.EditRules, _actor.IsInRole);
        _set = await Rules.LoadAsync();
        _identities = await Identities.ListAsync();
        _settings = await Throughput.GetAsync();
        _levels = await Throughput.GetLevelsAsync();
    }

    private string OverrideOf(SendingIdentity identity) =>
        _settings!.Overrides.TryGetValue(identity.PublicId, out var level) ? level.ToString() : InstanceChoice;

    private async Task SetInstanceLevelAsync(ThroughputLevel level)
    {
        await Throughput.SetInstanceLevelAsync(_actor, level);
        _settings = await Throughput.GetAsync();
        Snackbar.Add($"Instance throughput level set to {LevelText.Name(level)}.", Severity.Success);
    }

    private async Task SetOverrideAsync(SendingIdentity identity, string choice)
    {
        ThroughputLevel? level = choice == InstanceChoice ? null : Enum.Parse<ThroughputLevel>(choice);
        if (await Throughput.SetOverrideAsync(_actor, identity.PublicId, level))
            Snackbar.Add($"Identity {identity.PublicId}: {(level is { } l ? LevelText.Name(l) : "instance level")}.", Severity.Success);
        else
            Snackbar.Add($"Identity {identity.PublicId} no longer exists.", Severity.Error);
        _settings = await Throughput.GetAsync();
    }
}
