using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Bounces.Qualification;

namespace MxPortal.Web.Components.Pages.Qualification;

public sealed partial class QualificationPage
{
    private static readonly DialogOptions Wide = new() { MaxWidth = MaxWidth.Medium, FullWidth = true };
    private MudDataGrid<ErrorQualification>? _grid;
    private string _status = nameof(QualificationStatus.ToQualify);
    private string? _text;
    private RuleApplied? _lastApplied;
    private bool _byLastSeen, _canEdit;
    private ClaimsPrincipal _actor = new();

    [Inject] private QualificationService Service { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private QualificationQuery Query =>
        new(Enum.TryParse<QualificationStatus>(_status, out var status) ? status : null, _text, _byLastSeen);

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _canEdit = Policies.Allows(Policies.EditRules, _actor.IsInRole);
    }

    private async Task<GridData<ErrorQualification>> LoadAsync(GridState<ErrorQualification> state, CancellationToken ct)
    {
        var (items, total) = await Service.PageAsync(Query, state.Page, state.PageSize, ct);
        return new GridData<ErrorQualification> { Items = items, TotalItems = total };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task StatusChangedAsync(string status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task SortChangedAsync(bool byLastSeen)
    {
        _byLastSeen = byLastSeen;
        return ReloadAsync();
    }

    private async Task QualifyAsync(ErrorQualification row)
    {
        var parameters = new DialogParameters<QualifyDialog>
        {
            { d => d.Row, row },
            { d => d.Save, (type, reason, status) => Service.QualifyAsync(_actor, row.Id, type, reason, status) },
        };
        var dialog = await Dialogs.ShowAsync<QualifyDialog>("Qualify an error text", parameters, Wide);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Row qualified.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task CreateRuleAsync(ErrorQualification row)
    {
        var parameters = new DialogParameters<CreateRuleDialog> { { d => d.Row, row }, { d => d.Actor, _actor } };
        var dialog = await Dialogs.ShowAsync<CreateRuleDialog>("Create a bounce rule from a row", parameters, Wide);
        if (await dialog.Result is { Canceled: false, Data: RuleApplied applied })
        {
            _lastApplied = applied;
            await ReloadAsync();
        }
    }
}
