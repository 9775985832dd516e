using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Recipients;
using MxPortal.Web.Components.Shared;

namespace MxPortal.Web.Components.Pages.Deliveries;

/// <summary>
/// The recipients of one delivery, in list order, filtered and paged on the server: "what happened to this address",
/// "which recipients of this domain are still deferred". Query parameters (state, domain, address, type, reason)
/// preset the filters, so other pages can link to a filtered list.
/// </summary>
public sealed partial class RecipientsPage
{
    private const int ReplyShown = 120;

    private MudTable<RecipientListRow>? _table;
    private Delivery? _delivery;
    private bool _loaded;
    private IReadOnlyList<RecipientStateCount> _counts = [];
    private List<BreadcrumbItem> _crumbs = [];
    private RecipientState? _state;
    private string? _domain, _address;
    private FailureType? _type;
    private FailureReason? _reason;
    private string _totalText = "0";
    private (RecipientListFilter Filter, int Page, int PageSize, RecipientListRow Last)? _shown;

    [Parameter] public long Id { get; set; }
    [SupplyParameterFromQuery(Name = "state")] public string? StateParameter { get; set; }
    [SupplyParameterFromQuery(Name = "domain")] public string? DomainParameter { get; set; }
    [SupplyParameterFromQuery(Name = "address")] public string? AddressParameter { get; set; }
    [SupplyParameterFromQuery(Name = "type")] public string? TypeParameter { get; set; }
    [SupplyParameterFromQuery(Name = "reason")] public string? ReasonParameter { get; set; }
    [Inject] private DeliveryReader Reader { get; set; } = default!;
    [Inject] private RecipientListQuery Recipients { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        _state = Enum.TryParse<RecipientState>(StateParameter, true, out var s) ? s : null;
        _type = Enum.TryParse<FailureType>(TypeParameter, true, out var t) ? t : null;
        _reason = Enum.TryParse<FailureReason>(ReasonParameter, true, out var r) ? r : null;
        (_domain, _address) = (DomainParameter, AddressParameter);
        _delivery = await Reader.FindAsync(Id);
        _counts = await Recipients.StateCountsAsync(Id);
        _crumbs = [new("Deliveries", "/deliveries"), new(_delivery?.Name ?? $"Delivery {Id}", $"/deliveries/{Id}"), new("Recipients", null, disabled: true)];
        _loaded = true;
    }

    private RecipientListFilter Filter => new(_state, _domain, _address, _type, _reason);

    private string ExportUrl
    {
        get
        {
            var f = Filter;
            return ExportQuery.Build($"/deliveries/{Id}/recipients.csv", ("state", f.State?.ToString()), ("domain", f.Domain),
                ("address", f.AddressContains), ("type", f.FailureType?.ToString()), ("reason", f.FailureReason?.ToString()));
        }
    }

    private async Task<TableData<RecipientListRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var filter = Filter;
        // Note: moving forward one page with the same filter and size starts after the last row shown (keyset): deep pages stay fast.
        var after = _shown is { } s && s.Filter == filter && s.PageSize == state.PageSize && s.Page + 1 == state.Page ? s.Last : null;
        var page = await Recipients.PageAsync(Id, filter, state.Page, state.PageSize, after, ct);
        _shown = page.Items.Count > 0 ? (filter, state.Page, state.PageSize, page.Items[^1]) : null;
        _totalText = page.TotalText;
        return new TableData<RecipientListRow> { Items = page.Items, TotalItems = page.Total };
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task PickStateAsync(RecipientState? state)
    {
        _state = state;
        return ReloadAsync();
    }

    internal static string StateLabel(RecipientState state) => state == RecipientState.InFlight ? "In flight" : state.ToString();

    private static Color StateColor(RecipientState state) => state switch
    {
        RecipientState.Sent => Color.Success,
        RecipientState.Failed => Color.Error,
        RecipientState.Deferred => Color.Warning,
        RecipientState.InFlight => Color.Info,
        _ => Color.Default,
    };

    private static string? Failure(RecipientListRow row) => (row.FailureType, row.FailureReason) switch
    {
        (null, null) => null,
        ({ } type, { } reason) => $"{type} / {reason.ToDisplayName()}",
        ({ } type, null) => type.ToString(),
        (null, { } reason) => reason.ToDisplayName(),
    };

    private static string? Clip(string? reply) =>
        reply is null || reply.Length <= ReplyShown ? reply : string.Create(CultureInfo.InvariantCulture, $"{reply[..(ReplyShown - 1)]}…");
}
