using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Web.Components.Shared;

namespace MxPortal.Web.Components.Pages.BounceRules;

public sealed partial class BounceRulesPage
{
    private static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };
    private IReadOnlyList<StoredBounceRule>? _rules;
    private string? _search;
    private bool _canEdit;
    private ClaimsPrincipal _actor = new();

    [Inject] private BounceRuleStore Store { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _canEdit = Policies.Allows(Policies.EditRules, _actor.IsInRole);
        _rules = await Store.ListAsync();
    }

    internal static Color TypeColor(FailureType type) => type switch
    {
        FailureType.Hard => Color.Error,
        FailureType.Soft => Color.Warning,
        _ => Color.Default,
    };

    private bool Matches(StoredBounceRule row)
    {
        if (string.IsNullOrWhiteSpace(_search)) return true;
        var term = _search.Trim();
        return row.Rule.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
            || row.Rule.Pattern.Contains(term, StringComparison.OrdinalIgnoreCase)
            || (row.Rule.Comment?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false);
    }

    private Task AddAsync() => OpenEditorAsync("Add a bounce rule", null, (rule, position) => Store.AddAsync(_actor, rule, position));

    private Task EditAsync(StoredBounceRule row) =>
        OpenEditorAsync(row.IsSynced ? $"Synced rule {row.Rule.Name}" : $"Edit the rule {row.Rule.Name}", row.Key,
            (rule, _) => Store.UpdateAsync(_actor, row.Key, rule));

    private async Task OpenEditorAsync(string title, Guid? key, Func<BounceRule, int, Task<BounceRuleChange>> save)
    {
        var parameters = new DialogParameters<BounceRuleDialog> { { d => d.Rules, _rules ?? [] }, { d => d.EditedKey, key }, { d => d.Save, save } };
        var dialog = await Dialogs.ShowAsync<BounceRuleDialog>(title, parameters, Wide);
        if (await dialog.Result is { Canceled: false, Data: BounceRule saved })
        {
            Snackbar.Add($"Rule {saved.Name} saved.", Severity.Success);
            _rules = await Store.ListAsync();
        }
    }

    private async Task ImportAsync()
    {
        var parameters = new DialogParameters<ImportJsonDialog>
        {
            { d => d.Import, async json =>
                {
                    var change = await Store.ImportAsync(_actor, json);
                    return new JsonImportResult(change.Rules?.Count, change.Errors);
                } },
        };
        var dialog = await Dialogs.ShowAsync<ImportJsonDialog>("Import bounce rules", parameters, Wide);
        if (await dialog.Result is { Canceled: false, Data: int count })
        {
            Snackbar.Add($"Rule set replaced: {count} rules imported.", Severity.Success);
            _rules = await Store.ListAsync();
        }
    }

    private async Task MoveAsync(StoredBounceRule row, int offset) => await ShowAsync(await Store.MoveAsync(_actor, row.Key, offset), null);

    private async Task SetEnabledAsync(StoredBounceRule row, bool enabled) =>
        await ShowAsync(await Store.SetEnabledAsync(_actor, row.Key, enabled), $"Rule {row.Rule.Name} {(enabled ? "enabled" : "disabled")}.");

    private async Task DeleteAsync(StoredBounceRule row)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete rule",
            $"Delete the rule {row.Rule.Name}? The texts it matched fall to the next matching rule or their status code.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true) await ShowAsync(await Store.DeleteAsync(_actor, row.Key), $"Rule {row.Rule.Name} deleted.");
    }

    private async Task ShowAsync(BounceRuleChange change, string? success)
    {
        if (!change.Applied) Snackbar.Add(string.Join(" ", change.Errors), Severity.Error);
        else if (success is not null) Snackbar.Add(success, Severity.Success);
        _rules = change.Rules ?? await Store.ListAsync();
    }
}
