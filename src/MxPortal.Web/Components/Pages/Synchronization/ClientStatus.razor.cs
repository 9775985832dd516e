using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Web.Components.Pages.Synchronization;

/// <summary>A client's synchronization: status, Sync now, Custom modes with their drift reports, and the history with diffs.</summary>
public sealed partial class ClientStatus
{
    private readonly Dictionary<long, IReadOnlyList<SyncChangeRow>> _open = [];
    private IReadOnlyList<SyncRunSummary> _runs = [];
    private List<(SyncDataType Type, IReadOnlyList<DriftItem>? Items)> _drift = [];
    private FeedSnapshot? _snapshot;
    private SyncModes? _modes;
    private bool _canEdit, _syncing;
    private ClaimsPrincipal _actor = new();

    [Inject] private IOptions<SyncOptions> Options { get; set; } = default!;
    [Inject] private IOptions<PortalOptions> Portal { get; set; } = default!;
    [Inject] private RuleSyncService Sync { get; set; } = default!;
    [Inject] private SyncHistory History { get; set; } = default!;
    [Inject] private SyncModeStore Modes { get; set; } = default!;
    [Inject] private DriftService Drift { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    private string TimeZoneName => Portal.Value.TimeZone;

    protected override async Task OnInitializedAsync()
    {
        _actor = (await AuthenticationState).User;
        _canEdit = Policies.Allows(Policies.EditRules, _actor.IsInRole);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _snapshot = await History.SnapshotAsync();
        _runs = await History.RecentAsync();
        _modes = await Modes.GetAsync();
        _drift = [];
        foreach (var type in _modes.CustomTypes) _drift.Add((type, await Drift.ReportAsync(type)));
        foreach (var id in _open.Keys.ToList()) _open[id] = await History.ChangesAsync(id);
    }

    private async Task SyncNowAsync()
    {
        _syncing = true;
        try
        {
            var run = await Sync.RunNowAsync(_actor);
            Snackbar.Add(run.Result switch
            {
                SyncResult.Applied => $"Feed applied: {run.Changes.Count} changes.",
                SyncResult.Unchanged => "Nothing to change: the rules already match the feed.",
                _ => $"Synchronization failed; the rules in force did not change. {run.Error}",
            }, run.Result == SyncResult.Failed ? Severity.Error : Severity.Success);
            if (run.Changes.Count > 0) _open[run.Id] = [];
            await LoadAsync();
        }
        finally
        {
            _syncing = false;
        }
    }

    private async Task SetModeAsync(SyncDataType type, bool custom)
    {
        if (await Modes.SetCustomAsync(_actor, type, custom) is { } refused) Snackbar.Add(refused, Severity.Warning);
        else Snackbar.Add($"{Title(type)}: {(custom ? "Custom mode, synchronization off" : "synchronized")}.", Severity.Success);
        await LoadAsync();
    }

    private async Task AdoptAsync(DriftItem item)
    {
        if (await Drift.AdoptAsync(_actor, item.DataType, item.Key) is { } refused) Snackbar.Add(refused, Severity.Error);
        else Snackbar.Add($"Adopted the published {item.Key}.", Severity.Success);
        await LoadAsync();
    }

    private async Task ToggleAsync(long runId)
    {
        if (!_open.Remove(runId)) _open[runId] = await History.ChangesAsync(runId);
    }

    private static string Title(SyncDataType type) => type switch
    {
        SyncDataType.MxRules => "MX rules and throughput factors",
        SyncDataType.BounceRules => "Bounce rules",
        _ => "Suppression list",
    };

    private static string KindText(DriftKind kind) => kind switch
    {
        DriftKind.OnlyPublished => "only published",
        DriftKind.OnlyLocal => "only here",
        DriftKind.Different => "different",
        _ => "same",
    };

    private static Color ColorOf(SyncResult result) => result switch
    {
        SyncResult.Applied => Color.Success,
        SyncResult.Failed => Color.Error,
        _ => Color.Default,
    };

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
