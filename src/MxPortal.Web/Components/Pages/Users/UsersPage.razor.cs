using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Infrastructure.Identity;

namespace MxPortal.Web.Components.Pages.Users;

public sealed partial class UsersPage
{
    private IReadOnlyList<UserSummary> _users = [];
    private bool _loading = true;
    private string? _search;
    private ClaimsPrincipal _actor = new();

    [Inject] private UserAdministration Admin { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _loading = true;
        _users = await Admin.ListAsync(_actor);
        _loading = false;
    }

    private bool Matches(UserSummary u) => string.IsNullOrWhiteSpace(_search)
        || u.Email.Contains(_search, StringComparison.OrdinalIgnoreCase)
        || u.Roles.Any(r => r.Contains(_search, StringComparison.OrdinalIgnoreCase));

    private async Task CreateAsync()
    {
        var parameters = new DialogParameters<UserEditorDialog> { { d => d.Actor, _actor } };
        var dialog = await Dialogs.ShowAsync<UserEditorDialog>("New user", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string email })
        {
            Snackbar.Add($"User {email} created.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task EditRolesAsync(UserSummary user)
    {
        var parameters = new DialogParameters<UserEditorDialog> { { d => d.Actor, _actor }, { d => d.Existing, user } };
        var dialog = await Dialogs.ShowAsync<UserEditorDialog>($"Roles of {user.Email}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add($"Roles of {user.Email} saved.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task ResetPasswordAsync(UserSummary user)
    {
        var parameters = new DialogParameters<ResetPasswordDialog> { { d => d.Actor, _actor }, { d => d.User, user } };
        var dialog = await Dialogs.ShowAsync<ResetPasswordDialog>($"Reset the password of {user.Email}", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
            Snackbar.Add($"Password of {user.Email} reset.", Severity.Success);
    }

    private async Task SetLockedAsync(UserSummary user, bool locked)
    {
        await ShowAsync(await Admin.SetLockedAsync(_actor, user.Id, locked), locked ? $"{user.Email} locked." : $"{user.Email} unlocked.");
    }

    private async Task DeleteAsync(UserSummary user)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete user", $"Delete {user.Email}? Their audit entries stay.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        await ShowAsync(await Admin.DeleteAsync(_actor, user.Id), $"{user.Email} deleted.");
    }

    private async Task ShowAsync(UserOperationResult result, string success)
    {
        if (result.Succeeded) Snackbar.Add(success, Severity.Success);
        else Snackbar.Add(string.Join(" ", result.Errors.SelectMany(e => e.Value)), Severity.Error);
        await ReloadAsync();
    }
}
