using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MxPortal.Domain;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Bounces.Rules;

/// <summary>
/// The stored bounce rules, compiled once and shared by every classification until they change. The store
/// invalidates the cache of this process at once; a change made by another node is noticed by a cheap look at
/// the rules' order and stamps at most every <see cref="RecheckInterval"/>, and only a real change recompiles.
/// </summary>
public sealed class StoredBounceRuleSource(IDbContextFactory<AppDbContext> contexts, TimeProvider time, ILogger<StoredBounceRuleSource> logger)
    : IBounceRuleSource
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(long Version, string Stamp, BounceRuleSet Rules, DateTimeOffset CheckedAt);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private long _version;

    /// <summary>How many times the rules were compiled: a figure for tests and diagnostics.</summary>
    public int Compilations { get; private set; }

    /// <summary>Drops the compiled set; the next <see cref="CurrentAsync"/> reads the rules again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);

    public async Task<BounceRuleSet> CurrentAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } rules) return rules;
        await _gate.WaitAsync(ct);
        try
        {
            var snapshot = _current;
            if (Fresh(snapshot) is { } again) return again;
            var version = Interlocked.Read(ref _version);
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await db.BounceRules.AsNoTracking().OrderBy(r => r.Position).ToListAsync(ct);
            var stamp = string.Join('\n', rows.Select(r => $"{r.Key:N} {r.UpdatedUtc.Ticks}"));
            var now = time.GetUtcNow();
            if (snapshot is not null && snapshot.Stamp == stamp)
            {
                Volatile.Write(ref _current, snapshot with { Version = version, CheckedAt = now });
                return snapshot.Rules;
            }

            var compilation = BounceRuleSet.Compile(rows.Select(r => r.ToRule()));
            Compilations++;
            if (compilation.RuleSet is not { } set)
            {
                // Note: the store never writes an invalid set; if one is found (edited by hand), the last good one stays.
                var errors = string.Join("; ", compilation.Errors);
                if (snapshot is null) throw new DomainException("The stored bounce rules are invalid: " + errors);
                logger.LogError("The stored bounce rules are invalid, keeping the previous set: {Errors}", errors);
                Volatile.Write(ref _current, snapshot with { Version = version, CheckedAt = now });
                return snapshot.Rules;
            }

            Volatile.Write(ref _current, new Snapshot(version, stamp, set, now));
            return set;
        }
        finally
        {
            _gate.Release();
        }
    }

    private BounceRuleSet? Fresh(Snapshot? snapshot) =>
        snapshot is not null && snapshot.Version == Interlocked.Read(ref _version) && time.GetUtcNow() - snapshot.CheckedAt < RecheckInterval
            ? snapshot.Rules
            : null;
}
