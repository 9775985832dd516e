using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Deliveries.Budgets;

/// <summary>
/// Writes this node's budget ledger (<see cref="IBudgetLedger.Snapshot"/>) to the BudgetStates table every few
/// seconds: the delivery page reads budgets from the database, so it shows every node's, whichever node serves it.
/// Only active budgets are kept (a connection open, messages in the last hour, or a suspension).
/// </summary>
public sealed class BudgetStatePublisher(
    IBudgetLedger ledger,
    IDbContextFactory<AppDbContext> contexts,
    IOptions<DeliveryPortalOptions> options,
    TimeProvider time,
    ILogger<BudgetStatePublisher> logger) : BackgroundService
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);
    private bool wroteRows;

    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.BudgetPublishSeconds), time);
        do
        {
            try
            {
                await PublishAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Note: the figures are advisory; a database hiccup must not stop the node, the next tick retries.
                logger.LogWarning(e, "Could not publish the budget states");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One refresh of this node's rows; also forgets rows of nodes gone for an hour.</summary>
    public async Task PublishAsync(CancellationToken ct = default)
    {
        var active = ledger.Snapshot()
            .Where(b => b.OpenConnections > 0 || b.SentLastHour > 0 || b.SuspendedUntilUtc is not null)
            .ToDictionary(b => b.Key.ToString());
        if (active.Count == 0 && !wroteRows) return;
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.BudgetStates.Where(b => b.Node == Node).ToDictionaryAsync(b => b.BudgetKey, ct);
        foreach (var (key, b) in active)
        {
            if (!rows.TryGetValue(key, out var row))
                row = db.BudgetStates.Add(new BudgetState { Node = Node, BudgetKey = key }).Entity;
            row.RuleMask = b.Key.RuleMask;
            row.IdentityId = b.Key.PublicId;
            row.RemoteIp = b.Key.RemoteIp?.ToString();
            row.OpenConnections = b.OpenConnections;
            row.SentThisSlice = b.SentThisSlice;
            row.SentLastHour = b.SentLastHour;
            row.SliceStartUtc = b.SliceStartUtc;
            row.SuspendedUntilUtc = b.SuspendedUntilUtc;
            row.SuspensionCause = b.SuspensionCause is { Length: > 1000 } c ? c[..1000] : b.SuspensionCause;
            row.UpdatedUtc = now;
        }
        db.BudgetStates.RemoveRange(rows.Values.Where(r => !active.ContainsKey(r.BudgetKey)));
        await db.SaveChangesAsync(ct);
        var forgotten = now - ForgetAfter;
        await db.BudgetStates.Where(b => b.UpdatedUtc < forgotten).ExecuteDeleteAsync(ct);
        wroteRows = active.Count > 0;
    }
}
