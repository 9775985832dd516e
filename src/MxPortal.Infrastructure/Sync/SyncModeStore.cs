using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sync;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Sync;

/// <summary>Custom mode per data type (DOMAIN.md §9): set by Deliverability, audited.</summary>
public sealed class SyncModeStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider time)
{
    public async Task<SyncModes> GetAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await GetAsync(db, ct);
    }

    internal static async Task<SyncModes> GetAsync(AppDbContext db, CancellationToken ct)
    {
        var switched = await db.SyncModes.AsNoTracking().Where(m => m.Custom).Select(m => m.DataType).ToListAsync(ct);
        var level = await db.ThroughputSettings.AsNoTracking().Select(s => (int?)s.InstanceLevel).SingleOrDefaultAsync(ct);
        return new SyncModes(switched.ToHashSet(), level == (int)ThroughputLevel.Custom);
    }

    /// <returns>Null when done; else why not (MX rules cannot sync while the throughput level is Custom).</returns>
    public async Task<string?> SetCustomAsync(ClaimsPrincipal actor, SyncDataType type, bool custom, CancellationToken ct = default)
    {
        Actor.Demand(actor, Policies.EditRules);
        if (!Enum.IsDefined(type)) throw new ArgumentOutOfRangeException(nameof(type));
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!custom && type == SyncDataType.MxRules && (await GetAsync(db, ct)).CustomLevel)
            return "MX rules stay in Custom mode while the throughput level is Custom: choose another level first.";
        await SetAsync(db, audit, time, Actor.Name(actor), type, custom, "set on the Synchronization page", ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Sets the switch in <paramref name="db"/> (saved by the caller with the change that caused it) and audits it.</summary>
    internal static async Task SetAsync(AppDbContext db, AuditLog audit, TimeProvider time, string actor, SyncDataType type, bool custom,
        string why, CancellationToken ct)
    {
        var row = await db.SyncModes.SingleOrDefaultAsync(m => m.DataType == type, ct)
                  ?? db.SyncModes.Add(new SyncModeRow { DataType = type }).Entity;
        var before = row.Custom;
        row.Custom = custom;
        row.ChangedUtc = time.GetUtcNow().UtcDateTime;
        row.ChangedBy = actor;
        audit.Add(db, actor, "sync.mode", type.ToString(),
            $"before: {(before ? "Custom" : "Synchronized")}; after: {(custom ? "Custom" : "Synchronized")} ({why})");
    }
}
