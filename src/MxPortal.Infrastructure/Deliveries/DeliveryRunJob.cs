using System.Threading.Channels;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Sending;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// One Hangfire job per delivery run (never per message): claims recipients in batches, sends them through the
/// engine and records outcomes as they come. When nothing is due it schedules itself for the next retry time,
/// or completes the delivery. Safe to run twice: claims are leased.
/// </summary>
public sealed class DeliveryRunJob(
    IDbContextFactory<AppDbContext> contexts,
    DeliveryStore store,
    DeliveryEngine engine,
    SendingPlanLoader plans,
    DeliveryMessageFactory messages,
    IBackgroundJobClient jobs,
    IOptions<DeliveryEngineOptions> options,
    TimeProvider time,
    ILogger<DeliveryRunJob> logger)
{
    private readonly string _owner = LeaseOwner.New();

    [DisableConcurrentExecution(timeoutInSeconds: 30)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(long deliveryId, CancellationToken ct)
    {
        var plan = DeliveryIdentities.Restrict(await plans.LoadAsync(ct), await LoadAsync(deliveryId, ct));
        while (!ct.IsCancellationRequested)
        {
            var delivery = await LoadAsync(deliveryId, ct);
            if (delivery is null || delivery.Status != DeliveryStatus.Running) return;
            var batch = await store.ClaimAsync(deliveryId, options.Value.BatchSize, TimeSpan.FromSeconds(options.Value.LeaseSeconds), _owner, ct);
            if (batch.Count == 0)
            {
                await FinishOrRescheduleAsync(delivery, ct);
                return;
            }
            await SendAsync(plan, delivery, batch, ct);
        }
    }

    private async Task SendAsync(SendingPlan plan, Delivery delivery, IReadOnlyList<DeliveryRecipient> batch, CancellationToken ct)
    {
        var outcomes = Channel.CreateUnbounded<AttemptRecord>(new UnboundedChannelOptions { SingleReader = true });
        var writer = WriteOutcomesAsync(delivery.Id, outcomes.Reader, ct);
        try
        {
            var compiled = messages.For(delivery);
            await engine.RunAsync(plan, batch.Select(compiled.Build).ToList(),
                r => outcomes.Writer.WriteAsync(r, ct), ct);
        }
        finally
        {
            outcomes.Writer.Complete();
            await writer;
        }
    }

    /// <summary>Records outcomes in small transactions as they arrive, so a kill loses at most the last few seconds.</summary>
    private async Task WriteOutcomesAsync(long deliveryId, ChannelReader<AttemptRecord> reader, CancellationToken ct)
    {
        var buffer = new List<AttemptRecord>(100);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (buffer.Count < 100 && reader.TryRead(out var r)) buffer.Add(r);
            await store.RecordAsync(deliveryId, buffer, CancellationToken.None);
            buffer.Clear();
        }
    }

    private async Task FinishOrRescheduleAsync(Delivery delivery, CancellationToken ct)
    {
        var next = await store.NextDueAsync(delivery.Id, ct);
        if (next is { } due)
        {
            var delay = due - time.GetUtcNow().UtcDateTime;
            jobs.Schedule<DeliveryRunJob>(j => j.RunAsync(delivery.Id, CancellationToken.None), delay < TimeSpan.Zero ? TimeSpan.Zero : delay);
            logger.LogInformation("Delivery {Id}: nothing due now; next run at {Due:u}", delivery.Id, due);
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.Deliveries.Where(d => d.Id == delivery.Id && d.Status == DeliveryStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Completed)
                .SetProperty(d => d.CompletedUtc, time.GetUtcNow().UtcDateTime), ct);
        logger.LogInformation("Delivery {Id} completed", delivery.Id);
    }

    private async Task<Delivery?> LoadAsync(long id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
    }
}
