using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>
/// The instance throughput level and the per-identity overrides (stored on the identity, so deleting an identity
/// drops its override). Set by Deliverability like the rules the levels scale.
/// </summary>
public sealed class ThroughputStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public async Task<ThroughputSettings> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ThroughputSettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var overrides = await db.SendingIdentities.AsNoTracking().Where(i => i.LevelOverride != null)
            .ToDictionaryAsync(i => i.PublicId, i => (ThroughputLevel)i.LevelOverride!.Value, ct);
        return new ThroughputSettings((ThroughputLevel)(row?.InstanceLevel ?? (int)ThroughputLevel.Normal), overrides);
    }

    /// <summary>The level factors in force: the stored (synchronized) table, else the defaults.</summary>
    public async Task<ThroughputLevels> GetLevelsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.ThroughputFactors.AsNoTracking().ToListAsync(ct);
        return rows.Count == 0 ? ThroughputLevels.Default
            : ThroughputLevels.Create(rows.ToDictionary(r => (ThroughputLevel)r.Level, r => r.Factor));
    }

    /// <summary>Sets the instance level; choosing Custom also turns MX-rule synchronization off (as in ACC), audited.</summary>
    public async Task SetInstanceLevelAsync(ClaimsPrincipal actor, ThroughputLevel level, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        Check(level);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ThroughputSettings.SingleOrDefaultAsync(ct)
                  ?? db.ThroughputSettings.Add(new ThroughputSettingRow { InstanceLevel = (int)ThroughputLevel.Normal }).Entity;
        var before = (ThroughputLevel)row.InstanceLevel;
        row.InstanceLevel = (int)level;
        audit.Add(db, Actor.Name(actor), "throughput.level", "instance", $"before: {before}; after: {level}");
        if (level == ThroughputLevel.Custom)
            await SyncModeStore.SetAsync(db, audit, time, Actor.Name(actor), Domain.Sync.SyncDataType.MxRules, true, "throughput level Custom", ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Sets or (with null) removes an identity's own level.</summary>
    /// <returns>False when no identity has that public id.</returns>
    public async Task<bool> SetOverrideAsync(ClaimsPrincipal actor, int publicId, ThroughputLevel? level, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        if (level is { } l) Check(l);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.SendingIdentities.SingleOrDefaultAsync(i => i.PublicId == publicId, ct);
        if (row is null) return false;
        var before = row.LevelOverride is { } b ? ((ThroughputLevel)b).ToString() : "instance level";
        row.LevelOverride = (int?)level;
        audit.Add(db, Actor.Name(actor), "throughput.override", $"identity {publicId}",
            $"before: {before}; after: {level?.ToString() ?? "instance level"}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Check(ThroughputLevel level)
    {
        if (!Enum.IsDefined(level)) throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown throughput level.");
    }
}
