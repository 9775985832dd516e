using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Domain.Routing;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Web.Components.Pages.Identities;

public sealed partial class IdentitiesPage
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true };
    private IReadOnlyList<SendingIdentity> _identities = [];
    private ClaimsPrincipal _actor = new();

    [Inject] private SendingIdentityStore Store { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _identities = await Store.ListAsync();
    }

    private Task AddAsync() => OpenAsync("Add a sending identity", null);

    private Task EditAsync(SendingIdentity identity) => OpenAsync($"Edit identity {identity.PublicId}", identity);

    private async Task OpenAsync(string title, SendingIdentity? existing)
    {
        var parameters = new DialogParameters<IdentityDialog> { { d => d.Actor, _actor }, { d => d.Existing, existing } };
        var dialog = await Dialogs.ShowAsync<IdentityDialog>(title, parameters, Options);
        if (await dialog.Result is { Canceled: false, Data: int publicId })
        {
            Snackbar.Add($"Identity {publicId} saved.", Severity.Success);
            _identities = await Store.ListAsync();
        }
    }

    private async Task SetEnabledAsync(SendingIdentity identity, bool enabled) =>
        await ShowAsync(await Store.SetEnabledAsync(_actor, identity.PublicId, enabled),
            $"Identity {identity.PublicId} {(enabled ? "enabled" : "disabled")}.");

    private async Task DeleteAsync(SendingIdentity identity)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete identity", $"Delete identity {identity.PublicId} ({identity.SourceIp})?",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true) await ShowAsync(await Store.DeleteAsync(_actor, identity.PublicId), $"Identity {identity.PublicId} deleted.");
    }

    private async Task ShowAsync(IdentityChange change, string success)
    {
        Snackbar.Add(change.Applied ? success : string.Join(" ", change.Errors), change.Applied ? Severity.Success : Severity.Error);
        _identities = await Store.ListAsync();
    }
}
