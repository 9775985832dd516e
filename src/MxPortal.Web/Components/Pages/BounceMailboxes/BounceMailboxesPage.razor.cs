using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Web.Components.Pages.BounceMailboxes;

public sealed partial class BounceMailboxesPage
{
    private static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };
    private IReadOnlyList<BounceMailboxSummary>? _mailboxes;
    private MudDataGrid<UnparsedMailSummary>? _unparsedGrid;
    private ClaimsPrincipal _actor = new();

    [Inject] private BounceMailboxService Mailboxes { get; set; } = default!;
    [Inject] private UnparsedMailService Unparsed { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _mailboxes = await Mailboxes.ListAsync(_actor);
    }

    private async Task EditAsync(BounceMailboxSummary? mailbox)
    {
        var parameters = new DialogParameters<MailboxDialog> { { d => d.Actor, _actor }, { d => d.Id, mailbox?.Id }, { d => d.Settings, mailbox?.Settings } };
        var dialog = await Dialogs.ShowAsync<MailboxDialog>(mailbox is null ? "Add a bounce mailbox" : $"Edit {mailbox.Settings.Name}", parameters, Wide);
        if (await dialog.Result is { Canceled: false, Data: string name })
        {
            Snackbar.Add($"Mailbox {name} saved.", Severity.Success);
            _mailboxes = await Mailboxes.ListAsync(_actor);
        }
    }

    private async Task DeleteAsync(BounceMailboxSummary mailbox)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete mailbox", $"Delete the mailbox {mailbox.Settings.Name}? It is no longer polled.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        await Mailboxes.DeleteAsync(_actor, mailbox.Id);
        Snackbar.Add($"Mailbox {mailbox.Settings.Name} deleted.", Severity.Success);
        _mailboxes = await Mailboxes.ListAsync(_actor);
    }

    private async Task<GridData<UnparsedMailSummary>> LoadUnparsedAsync(GridState<UnparsedMailSummary> state, CancellationToken ct)
    {
        var (rows, total) = await Unparsed.PageAsync(_actor, state.Page, state.PageSize, ct);
        return new GridData<UnparsedMailSummary> { Items = rows, TotalItems = total };
    }

    private async Task ViewAsync(UnparsedMailSummary mail)
    {
        var raw = await Unparsed.RawAsync(_actor, mail.Id) ?? "(gone)";
        var parameters = new DialogParameters<RawMailDialog> { { d => d.Raw, raw } };
        await Dialogs.ShowAsync<RawMailDialog>(mail.Subject ?? "Raw mail", parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
    }

    private async Task ReprocessAsync(UnparsedMailSummary mail)
    {
        var error = await Unparsed.ReprocessAsync(_actor, mail.Id);
        Snackbar.Add(error ?? "Recorded as a bounce; removed from the list.", error is null ? Severity.Success : Severity.Warning);
        if (_unparsedGrid is not null) await _unparsedGrid.ReloadServerData();
    }

    private async Task DeleteMailAsync(UnparsedMailSummary mail)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete mail", "Delete this unparsed mail for good?", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true) return;
        await Unparsed.DeleteAsync(_actor, mail.Id);
        if (_unparsedGrid is not null) await _unparsedGrid.ReloadServerData();
    }
}
