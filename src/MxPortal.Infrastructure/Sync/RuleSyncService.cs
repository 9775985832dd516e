using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Sync;

/// <summary>
/// One synchronization run of a client (DOMAIN.md §9): conditional GET, then the signature, the schema, the limits and
/// every rule are checked, and the data types not in Custom mode are applied in ONE transaction with the run's
/// history, or nothing is. Whatever goes wrong, the rules in force stay as they were and the run is recorded as Failed.
/// </summary>
public sealed class RuleSyncService(
    IDbContextFactory<AppDbContext> contexts,
    IRuleFeed feed,
    IOptions<SyncOptions> options,
    QualificationPusher pusher,
    AuditLog audit,
    TimeProvider time,
    ILogger<RuleSyncService> logger,
    StoredBounceRuleSource bounceRules)
{
    public const string ScheduleTrigger = "schedule";
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Sync now, by a person (EditRules).</summary>
    public Task<SyncRun> RunNowAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        return RunAsync(Actor.Name(actor), ct);
    }

    public async Task<SyncRun> RunAsync(string trigger, CancellationToken ct = default)
    {
        if (options.Value.EffectiveRole != SyncRole.Client)
            throw new InvalidOperationException("This instance is not a synchronization client (Sync:Role).");
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var run = new SyncRun { StartedUtc = Now, Trigger = trigger };
            try
            {
                await FetchAndApplyAsync(run, ct);
            }
            catch (Exception e) when (e is RuleFeedException or FeedRefusedException)
            {
                await RecordFailureAsync(run, e.Message, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(e, "Synchronization failed");
                await RecordFailureAsync(run, $"Unexpected error while applying the feed: {e.Message}", ct);
            }
            return run;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task FetchAndApplyAsync(SyncRun run, CancellationToken ct)
    {
        FeedSnapshot? snapshot;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            snapshot = await db.SyncFeedSnapshots.AsNoTracking().SingleOrDefaultAsync(ct);

        // Note: the stored copy is offered for a 304 only while it verifies under the configured key: after a key
        // change, "not modified" must not stand in for a feed the new key never signed.
        var trusted = snapshot is not null && SignedByConfiguredKey(snapshot) ? snapshot : null;
        var fetched = await feed.FetchAsync(trusted?.ETag, ct);
        RuleFeed content;
        FeedSnapshot? fresh = null;
        if (fetched.NotModified)
        {
            if (trusted is null) throw new FeedRefusedException("The publisher answered 304 Not Modified, but no feed verified by Sync:PublicKey was ever received.");
            snapshot = trusted;
            content = RuleFeedJson.Read(Encoding.UTF8.GetBytes(snapshot.Payload)).Feed
                ?? throw new FeedRefusedException("The stored copy of the feed can no longer be read.");
            run.Note = "Feed not modified (304).";
        }
        else
        {
            content = Verify(fetched, snapshot);
            fresh = new FeedSnapshot
            {
                Version = content.Version, ETag = fetched.ETag ?? $"\"{content.Version}\"", IssuedAtUtc = content.IssuedAtUtc,
                FetchedUtc = Now, Payload = Encoding.UTF8.GetString(fetched.Payload), Signature = fetched.Signature!,
            };
        }
        run.FeedVersion = content.Version;
        await ApplyAsync(run, content, fresh, ct);
        await PushAsync(run, ct);
    }

    private bool SignedByConfiguredKey(FeedSnapshot snapshot)
    {
        if (FeedSignature.TryImportPublicKey(options.Value.PublicKey, out var key) is not null || key is null) return false;
        using (key) return FeedSignature.Verify(key, Encoding.UTF8.GetBytes(snapshot.Payload), snapshot.Signature);
    }

    /// <summary>Signature first (nothing unsigned is even parsed), then the whole document.</summary>
    private RuleFeed Verify(FeedFetch fetched, FeedSnapshot? snapshot)
    {
        FeedSignature.TryImportPublicKey(options.Value.PublicKey, out var key);
        using (key)
        {
            var expected = FeedSignature.KeyId(key!);
            if (fetched.KeyId is not null && fetched.KeyId != expected)
                throw new FeedRefusedException($"The feed is signed with key {fetched.KeyId}, but Sync:PublicKey is key {expected}.");
            if (!FeedSignature.Verify(key!, fetched.Payload, fetched.Signature))
                throw new FeedRefusedException(fetched.Signature is null
                    ? $"The feed has no signature ({FeedSignature.SignatureHeader} header missing)."
                    : "The feed's signature does not match its content: it was altered on the way or not signed by the publisher.");
        }
        var (content, errors) = RuleFeedJson.Read(fetched.Payload);
        if (content is null) throw new FeedRefusedException("The feed is invalid: " + string.Join(" ", errors));
        if (snapshot is not null && content.IssuedAtUtc < snapshot.IssuedAtUtc)
            throw new FeedRefusedException($"The feed was issued at {content.IssuedAtUtc:u}, before the one already received ({snapshot.IssuedAtUtc:u}): an old feed replayed?");
        return content;
    }

    private async Task ApplyAsync(SyncRun run, RuleFeed content, FeedSnapshot? fresh, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Note: the same writer-first no-op as the rule stores, so a sync and an edit queue up instead of interleaving.
        await db.ThroughputSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.InstanceLevel, x => x.InstanceLevel), ct);
        var modes = await SyncModeStore.GetAsync(db, ct);
        var changes = new List<SyncChange>();
        if (!modes.IsCustom(SyncDataType.MxRules)) changes.AddRange(await FeedApplier.ApplyMxRulesAsync(db, content, ct));
        if (!modes.IsCustom(SyncDataType.BounceRules)) changes.AddRange(await FeedApplier.ApplyBounceRulesAsync(db, content, Now, ct));
        if (!modes.IsCustom(SyncDataType.Suppression)) changes.AddRange(await FeedApplier.ApplySuppressionAsync(db, content, Now, ct));

        if (fresh is not null)
        {
            var stored = await db.SyncFeedSnapshots.SingleOrDefaultAsync(ct);
            if (stored is null) db.SyncFeedSnapshots.Add(fresh);
            else db.Entry(stored).CurrentValues.SetValues(fresh);
        }
        var custom = modes.CustomTypes.ToList();
        if (custom.Count > 0)
            run.Note = Join(run.Note, $"Custom mode, fetched but not applied: {string.Join(", ", custom.Select(Name))}.");
        run.Result = changes.Count > 0 ? SyncResult.Applied : SyncResult.Unchanged;
        run.Changes = [.. changes.Select(c => new SyncChangeRow { DataType = c.DataType, Key = Clip(c.Key, 512), Kind = c.Kind, Before = c.Before, After = c.After })];
        run.FinishedUtc = Now;
        db.SyncRuns.Add(run);
        if (changes.Count > 0)
            audit.Add(db, AuditLog.SystemActor, "sync.apply", $"feed {content.Version}",
                $"trigger: {run.Trigger}; " + string.Join("; ", changes.GroupBy(c => (c.DataType, c.Kind)).Select(g => $"{Name(g.Key.DataType)} {g.Key.Kind.ToString().ToLowerInvariant()}: {g.Count()}")));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (changes.Any(c => c.DataType == SyncDataType.BounceRules)) bounceRules.Invalidate();
        logger.LogInformation("Synchronization {Result}: feed {Version}, {Count} changes", run.Result, content.Version, changes.Count);
    }

    private async Task PushAsync(SyncRun run, CancellationToken ct)
    {
        var note = await pusher.PushAsync(ct);
        if (note is null) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Attach(run);
        run.Note = Join(run.Note, note);
        await db.SaveChangesAsync(ct);
    }

    private async Task RecordFailureAsync(SyncRun run, string error, CancellationToken ct)
    {
        logger.LogWarning("Synchronization failed: {Error}", error);
        run.Result = SyncResult.Failed;
        run.Error = Clip(error, 4000);
        run.Changes = [];
        run.FinishedUtc = Now;
        run.Id = 0;
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    public static string Name(SyncDataType type) => type switch
    {
        SyncDataType.MxRules => "MX rules",
        SyncDataType.BounceRules => "bounce rules",
        _ => "suppression list",
    };

    private static string Join(string? a, string b) => string.IsNullOrEmpty(a) ? b : a + " " + b;

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
