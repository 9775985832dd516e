using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Domain.Access;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Web.Components.Shared;

namespace MxPortal.Web.Components.Pages.Quarantine;

public sealed partial class QuarantinePage
{
    private MudDataGrid<QuarantineRow>? _grid;
    private readonly HashSet<string> _selected = new(StringComparer.Ordinal);
    private string? _address, _domain;
    private AddressStatus? _status;
    private FailureReason? _reason;
    private FailureType? _type;
    private DateRange? _range;
    private QuarantineSort _sort = QuarantineSort.Since;
    private bool _descending = true;
    private string _totalText = "0";
    private bool _canAct;
    private ClaimsPrincipal _actor = new();

    [Inject] private QuarantineQuery Query { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private QuarantineListFilter Filter => new(_address, _domain, _status, _reason, _type,
        _range?.Start is { } s ? DateTime.SpecifyKind(s.Date, DateTimeKind.Utc) : null,
        _range?.End is { } e ? DateTime.SpecifyKind(e.Date.AddDays(1), DateTimeKind.Utc) : null, _sort, _descending);

    private string ExportUrl
    {
        get
        {
            var f = Filter;
            return ExportQuery.Build("/quarantine/export.csv", ("address", f.AddressContains), ("domain", f.Domain), ("status", f.Status?.ToString()),
                ("reason", f.Reason?.ToString()), ("type", f.Type?.ToString()), ("from", ExportQuery.Time(f.FromUtc)), ("to", ExportQuery.Time(f.ToUtc)),
                ("sort", f.Sort.ToString()), ("desc", f.Descending ? "true" : "false"));
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _canAct = Policies.Allows(Policies.ReleaseQuarantine, _actor.IsInRole);
    }

    private async Task<GridData<QuarantineRow>> LoadAsync(GridState<QuarantineRow> state, CancellationToken ct)
    {
        if (state.SortDefinitions.FirstOrDefault() is { } sort)
        {
            _sort = sort.SortBy switch
            {
                nameof(QuarantineRow.Address) => QuarantineSort.Address,
                nameof(QuarantineRow.Domain) => QuarantineSort.Domain,
                nameof(QuarantineRow.Status) => QuarantineSort.Status,
                nameof(QuarantineRow.ErrorCount) => QuarantineSort.ErrorCount,
                nameof(QuarantineRow.LastErrorUtc) => QuarantineSort.LastError,
                _ => QuarantineSort.Since,
            };
            _descending = sort.Descending;
        }
        var page = await Query.PageAsync(Filter, state.Page, state.PageSize, ct);
        _totalText = page.TotalText;
        return new GridData<QuarantineRow> { Items = page.Items, TotalItems = page.Total };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private void Toggle(string address, bool selected)
    {
        if (selected) _selected.Add(address);
        else _selected.Remove(address);
    }

    private async Task ReleaseSelectedAsync()
    {
        if (await ReleaseDialog.ShowAsync(Dialogs, _actor, [.. _selected]) is { } result)
        {
            Snackbar.Add($"{result.Changed} released, {result.Unchanged} unchanged.", Severity.Success);
            _selected.Clear();
            await ReloadAsync();
        }
    }

    private async Task AddAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddAddressesDialog>("Quarantine addresses",
            new DialogParameters<AddAddressesDialog> { { d => d.Actor, _actor } }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: QuarantineActionResult r })
        {
            Snackbar.Add($"{r.Changed} quarantined, {r.Unchanged} unchanged.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task ImportAsync()
    {
        var dialog = await Dialogs.ShowAsync<ImportCsvDialog>("Import known-bad addresses",
            new DialogParameters<ImportCsvDialog> { { d => d.Actor, _actor } }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: QuarantineActionResult r })
        {
            Snackbar.Add($"{r.Changed} quarantined, {r.Unchanged} unchanged.", Severity.Success);
            await ReloadAsync();
        }
    }
}
