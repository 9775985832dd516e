using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Web.Components.Shared;

namespace MxPortal.Web.Components.Pages.MxRules;

public sealed partial class MxRulesPage
{
    private static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };
    private MxRuleSet? _set;
    private string? _search;
    private bool _canEdit;
    private ClaimsPrincipal _actor = new();

    [Inject] private MxRuleStore Store { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private IReadOnlyList<RuleRow> Rows => _set is null ? [] : [.. _set.Rules.Select((r, i) => new RuleRow(i + 1, r))];

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _canEdit = Policies.Allows(Policies.EditRules, _actor.IsInRole);
        _set = await Store.LoadAsync();
    }

    private bool Matches(RuleRow row) =>
        string.IsNullOrWhiteSpace(_search) || row.Rule.Mask.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private Task AddAsync() => OpenEditorAsync("Add an MX rule", null, rule => Store.AddAsync(_actor, rule));

    private Task EditAsync(MxRule rule) =>
        OpenEditorAsync($"Edit the rule {rule.Mask}", rule.Mask, changed => Store.UpdateAsync(_actor, rule.Mask, changed));

    private async Task OpenEditorAsync(string title, string? mask, Func<MxRule, Task<MxRuleChange>> save)
    {
        var parameters = new DialogParameters<MxRuleDialog>
        {
            { d => d.RuleSet, _set! }, { d => d.OriginalMask, mask }, { d => d.Save, save },
        };
        var dialog = await Dialogs.ShowAsync<MxRuleDialog>(title, parameters, Wide);
        if (await dialog.Result is { Canceled: false, Data: MxRule saved })
        {
            Snackbar.Add($"Rule {saved.Mask} saved.", Severity.Success);
            _set = await Store.LoadAsync();
        }
    }

    private async Task ImportAsync()
    {
        var parameters = new DialogParameters<ImportJsonDialog>
        {
            { d => d.Import, async json =>
                {
                    var change = await Store.ImportAsync(_actor, json);
                    return new JsonImportResult(change.RuleSet?.Rules.Count, [.. change.Errors.Select(e => e.ToString())]);
                } },
        };
        var dialog = await Dialogs.ShowAsync<ImportJsonDialog>("Import MX rules", parameters, Wide);
        if (await dialog.Result is { Canceled: false, Data: int count })
        {
            Snackbar.Add($"Rule set replaced: {count} rules imported.", Severity.Success);
            _set = await Store.LoadAsync();
        }
    }

    private async Task MoveAsync(MxRule rule, int offset) => await ShowAsync(await Store.MoveAsync(_actor, rule.Mask, offset), null);

    private async Task SetEnabledAsync(MxRule rule, bool enabled) =>
        await ShowAsync(await Store.SetEnabledAsync(_actor, rule.Mask, enabled), $"Rule {rule.Mask} {(enabled ? "enabled" : "disabled")}.");

    private async Task DeleteAsync(MxRule rule)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete rule", $"Delete the rule {rule.Mask}? Its MX hosts fall to the next matching rule.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true) await ShowAsync(await Store.DeleteAsync(_actor, rule.Mask), $"Rule {rule.Mask} deleted.");
    }

    private async Task ShowAsync(MxRuleChange change, string? success)
    {
        if (!change.Applied) Snackbar.Add(string.Join(" ", change.Errors), Severity.Error);
        else if (success is not null) Snackbar.Add(success, Severity.Success);
        _set = change.RuleSet ?? await Store.LoadAsync();
    }
}
