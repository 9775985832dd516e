using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Web.Components.Pages.Deliveries;

/// <summary>
/// Creates or edits a draft. The service validates everything (the template against the imported list's columns,
/// the waves, the identities); its errors are shown by field and in a list.
/// </summary>
public sealed partial class DeliveryEditPage
{
    private DeliveryForm _form = new();
    private IReadOnlyList<DeliverySettingsError> _errors = [];
    private IReadOnlyList<SendingIdentity> _identities = [];
    private IReadOnlyList<string>? _columns;
    private DeliveryStatus? _status;
    private ClaimsPrincipal _actor = new();
    private bool _loaded, _missing, _saving;

    [Parameter] public long? Id { get; set; }
    [Inject] private DeliveryService Deliveries { get; set; } = default!;
    [Inject] private DeliveryReader Reader { get; set; } = default!;
    [Inject] private SendingIdentityStore Identities { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string Title => Id is null ? "New delivery" : $"Edit delivery {Id}";

    protected override async Task OnParametersSetAsync()
    {
        _actor = (await AuthenticationState).User;
        _identities = await Identities.ListAsync();
        _errors = [];
        if (Id is { } id)
        {
            var delivery = await Reader.FindAsync(id);
            _missing = delivery is null;
            if (delivery is not null)
            {
                _status = delivery.Status;
                _columns = DeliveryDraft.ColumnsOf(delivery);
                _form = DeliveryForm.From(DeliveryDraft.From(delivery));
            }
        }
        else
        {
            _form = new DeliveryForm();
            _status = null;
            _columns = null;
        }
        _loaded = true;
    }

    private bool Has(string field) => _errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => Has(field) ? string.Join(" ", _errors.Where(e => e.Field == field).Select(e => e.Message)) : null;

    private void AddWave() => _form.Waves.Add(new WaveRow { Offset = _form.Waves.Count == 0 ? "0m" : "1h" });

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            var (draft, errors) = _form.ToDraft();
            if (draft is null)
            {
                _errors = errors;
                return;
            }
            var change = await Deliveries.SaveDraftAsync(_actor, Id, draft);
            _errors = change.Errors;
            if (!change.Applied) return;
            Snackbar.Add($"Delivery {change.Id} saved.", Severity.Success);
            if (Id is null) Navigation.NavigateTo($"/deliveries/{change.Id}/edit");
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>A new list may lack a field the message uses: check again against its columns.</summary>
    private async Task OnImportedAsync()
    {
        var delivery = await Reader.FindAsync(Id!.Value);
        _columns = delivery is null ? null : DeliveryDraft.ColumnsOf(delivery);
        var (draft, errors) = _form.ToDraft();
        _errors = draft is null ? errors : draft.Validate(_columns, [.. _identities.Select(i => i.PublicId)]);
    }
}
