using System.Security.Claims;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Deliveries;

/// <summary>
/// What Operators do to deliveries: save drafts, start, pause, resume and cancel. Each call checks the caller's role
/// (a hidden button is not enough), changes the status with a conditional UPDATE (two clicks on two nodes cannot both
/// win) and writes its audit entry in the same transaction. Sending is one Hangfire job per run
/// (<see cref="DeliveryRunJob"/>), which re-reads the status between batches: a pause or cancel takes effect there.
/// </summary>
public sealed class DeliveryService(
    IDbContextFactory<AppDbContext> contexts,
    SendingIdentityStore identities,
    AuditLog audit,
    IBackgroundJobClient jobs,
    TimeProvider time)
{
    /// <summary>Creates a draft (<paramref name="id"/> null) or replaces a draft's settings.</summary>
    public async Task<DeliveryChange> SaveDraftAsync(ClaimsPrincipal actor, long? id, DeliveryDraft draft, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.OperateDeliveries);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var delivery = id is null ? null : await db.Deliveries.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (id is not null && delivery is null) return DeliveryChange.Refused($"Delivery {id} no longer exists.");
        if (delivery is not null && delivery.Status != DeliveryStatus.Draft)
            return DeliveryChange.Refused($"Delivery {id} is {delivery.Status}: only a draft can be edited.");
        var known = (await identities.ListAsync(ct)).Select(i => i.PublicId).ToList();
        var errors = draft.Validate(delivery is null ? null : DeliveryDraft.ColumnsOf(delivery), known);
        if (errors.Count > 0) return new DeliveryChange(null, errors);

        var before = delivery is null ? "none" : Describe(delivery);
        if (delivery is null)
        {
            delivery = new Delivery { Status = DeliveryStatus.Draft, CreatedUtc = Now, CreatedBy = Actor.Name(actor) };
            db.Deliveries.Add(delivery);
        }
        draft.CopyTo(delivery);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, Actor.Name(actor), before == "none" ? "delivery.create" : "delivery.update", Target(delivery.Id),
            $"before: {before}; after: {Describe(delivery)}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeliveryChange.Ok(delivery.Id);
    }

    /// <summary>
    /// Draft → Running: checks the settings against the list, skips quarantined and denylisted recipients, assigns
    /// the waves' not-before times, then enqueues the run job.
    /// </summary>
    public async Task<DeliveryChange> StartAsync(ClaimsPrincipal actor, long id, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.OperateDeliveries);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null) return DeliveryChange.Refused($"Delivery {id} no longer exists.");
        if (delivery.Status != DeliveryStatus.Draft) return DeliveryChange.Refused($"Delivery {id} is {delivery.Status}: only a draft can be started.");
        var now = Now;
        if (delivery.ImportLeaseUntilUtc >= now) return DeliveryChange.Refused(ImportRunning, "Recipients");
        if (delivery.Total == 0) return DeliveryChange.Refused("The delivery has no recipients: upload a list first.", "Recipients");
        var draft = DeliveryDraft.From(delivery);
        var errors = draft.Validate(DeliveryDraft.ColumnsOf(delivery) ?? [], (await identities.ListAsync(ct)).Select(i => i.PublicId).ToList());
        if (errors.Count > 0) return new DeliveryChange(null, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await MoveAsync(db, id, DeliveryStatus.Draft, DeliveryStatus.Running, ct, started: now))
            return DeliveryChange.Refused(await db.Deliveries.AnyAsync(d => d.Id == id && d.ImportLeaseUntilUtc >= now, ct)
                ? ImportRunning : $"Delivery {id} was changed meanwhile (reload the page).");
        var skipped = await RecipientPreparation.SkipQuarantinedAsync(db, id, ct);
        await RecipientPreparation.AssignWavesAsync(db, id, draft.Waves, now, ct);
        await RecipientPreparation.AddSkippedAsync(db, id, skipped, ct);
        audit.Add(db, Actor.Name(actor), "delivery.start", Target(id),
            $"recipients: {delivery.Total}; skipped (quarantine/denylist): {skipped}; waves: {draft.Waves.Count}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        Enqueue(id);
        return DeliveryChange.Ok(id);
    }

    /// <summary>Running → Paused: the run job stops claiming after its current batch.</summary>
    public Task<DeliveryChange> PauseAsync(ClaimsPrincipal actor, long id, CancellationToken ct = default) =>
        TransitionAsync(actor, id, "delivery.pause", [DeliveryStatus.Running], DeliveryStatus.Paused, null, ct);

    /// <summary>Paused → Running: skips addresses quarantined meanwhile and enqueues the run job again.</summary>
    public async Task<DeliveryChange> ResumeAsync(ClaimsPrincipal actor, long id, CancellationToken ct = default)
    {
        var change = await TransitionAsync(actor, id, "delivery.resume", [DeliveryStatus.Paused], DeliveryStatus.Running,
            async db => await RecipientPreparation.AddSkippedAsync(db, id, await RecipientPreparation.SkipQuarantinedAsync(db, id, ct), ct), ct);
        if (change.Applied) Enqueue(id);
        return change;
    }

    /// <summary>Draft, Running or Paused → Cancelled: every recipient not sent yet becomes Cancelled.</summary>
    public Task<DeliveryChange> CancelAsync(ClaimsPrincipal actor, long id, CancellationToken ct = default) =>
        TransitionAsync(actor, id, "delivery.cancel", [DeliveryStatus.Draft, DeliveryStatus.Running, DeliveryStatus.Paused], DeliveryStatus.Cancelled,
            db => RecipientPreparation.CancelRemainingAsync(db, id, Now, ct), ct);

    private async Task<DeliveryChange> TransitionAsync(ClaimsPrincipal actor, long id, string action, DeliveryStatus[] from, DeliveryStatus to,
        Func<AppDbContext, Task>? then, CancellationToken ct)
    {
        Actor.Demand(actor, Policies.OperateDeliveries);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var status = await db.Deliveries.Where(d => d.Id == id).Select(d => (DeliveryStatus?)d.Status).SingleOrDefaultAsync(ct);
        if (status is null) return DeliveryChange.Refused($"Delivery {id} no longer exists.");
        if (!from.Contains(status.Value))
            return DeliveryChange.Refused($"Delivery {id} is {status}: {action["delivery.".Length..]} is not possible from there.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await MoveAsync(db, id, status.Value, to, ct, completed: to == DeliveryStatus.Cancelled ? Now : null))
            return DeliveryChange.Refused($"Delivery {id} was changed meanwhile (reload the page).");
        if (then is not null) await then(db);
        audit.Add(db, Actor.Name(actor), action, Target(id), $"before: {status}; after: {to}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return DeliveryChange.Ok(id);
    }

    private static async Task<bool> MoveAsync(AppDbContext db, long id, DeliveryStatus from, DeliveryStatus to, CancellationToken ct,
        DateTime? started = null, DateTime? completed = null)
    {
        var rows = db.Deliveries.Where(d => d.Id == id && d.Status == from);
        // Note: a start also needs no import running (its lease free or run out): it would send a half-imported list.
        var changed = started is { } s
            ? await rows.Where(d => d.ImportLeaseUntilUtc == null || d.ImportLeaseUntilUtc < s).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, to).SetProperty(d => d.StartedUtc, s), ct)
            : completed is { } c
                ? await rows.ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, to).SetProperty(d => d.CompletedUtc, c), ct)
                : await rows.ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, to), ct);
        return changed == 1;
    }

    private const string ImportRunning = "An import into this delivery is running: start it once the import has ended.";

    private void Enqueue(long id) => jobs.Enqueue<DeliveryRunJob>(j => j.RunAsync(id, CancellationToken.None));

    private static string Target(long id) => $"delivery {id}";

    private static string Describe(Delivery d) =>
        $"name={d.Name}; from={d.FromAddress}; replyTo={d.ReplyTo}; subject={d.Subject}; validity={d.ValidityMinutes}m; " +
        $"retry={d.RetryPeriodMinutes}m x{d.MaxRetries}; waves={d.WavesJson ?? "none"}; identities={d.IdentitiesJson ?? "all"}";

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
