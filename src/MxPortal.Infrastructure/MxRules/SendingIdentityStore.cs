using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Access;
using MxPortal.Domain.Routing;
using MxPortal.Infrastructure.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.MxRules;

/// <summary>
/// The stored sending identities, managed by Administrators. Each change is validated against the whole list
/// (public ids and source IPs are unique) before it is saved with its audit entry.
/// </summary>
public sealed class SendingIdentityStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit)
{
    public async Task<IReadOnlyList<SendingIdentity>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.SendingIdentities.AsNoTracking().OrderBy(r => r.PublicId).ToListAsync(ct);
        return [.. rows.Select(RowMapping.ToDomain)];
    }

    /// <summary>Adds an identity (<paramref name="publicId"/> null) or replaces the one with that public id.</summary>
    public Task<IdentityChange> SaveAsync(ClaimsPrincipal actor, int? publicId, SendingIdentity identity, CancellationToken ct = default) =>
        ChangeAsync(actor, publicId ?? identity.PublicId, (db, row) =>
        {
            if (publicId is null && row is not null) return (null, $"Identity {identity.PublicId}, PublicId: is used by another identity.");
            if (publicId is not null && row is null) return (null, $"Identity {publicId} no longer exists (reload the page).");
            var before = row is null ? "none" : Describe(RowMapping.ToDomain(row));
            row ??= db.SendingIdentities.Add(new SendingIdentityRow()).Entity;
            RowMapping.CopyTo(identity, row);
            return (publicId is null ? "identity.create" : "identity.update", $"before: {before}; after: {Describe(identity)}");
        }, ct);

    public Task<IdentityChange> SetEnabledAsync(ClaimsPrincipal actor, int publicId, bool enabled, CancellationToken ct = default) =>
        ChangeAsync(actor, publicId, (_, row) =>
        {
            if (row is null) return (null, $"Identity {publicId} no longer exists (reload the page).");
            var before = row.Enabled;
            row.Enabled = enabled;
            return (enabled ? "identity.enable" : "identity.disable", $"before: enabled={before}; after: enabled={enabled}");
        }, ct);

    public Task<IdentityChange> DeleteAsync(ClaimsPrincipal actor, int publicId, CancellationToken ct = default) =>
        ChangeAsync(actor, publicId, (db, row) =>
        {
            if (row is null) return (null, $"Identity {publicId} no longer exists (reload the page).");
            db.SendingIdentities.Remove(row);
            return ("identity.delete", $"before: {Describe(RowMapping.ToDomain(row))}; after: none");
        }, ct);

    /// <summary>The change returns its audit action and details, or a null action and the refusal message.</summary>
    private async Task<IdentityChange> ChangeAsync(ClaimsPrincipal actor, int publicId,
        Func<AppDbContext, SendingIdentityRow?, (string? Action, string Details)> change, CancellationToken ct)
    {
        Actor.Demand(actor, Policies.ManageIdentities);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.SendingIdentities.SingleOrDefaultAsync(r => r.PublicId == publicId, ct);
        var (action, details) = change(db, row);
        if (action is null) return IdentityChange.Refused(details);

        var all = db.ChangeTracker.Entries<SendingIdentityRow>().Where(e => e.State != EntityState.Deleted).Select(e => e.Entity).ToList();
        var untracked = await db.SendingIdentities.AsNoTracking().Where(r => r.PublicId != publicId).ToListAsync(ct);
        // Note: the changed identity last, so a clash is reported against it, not the one already stored.
        var errors = SendingIdentityValidator.Validate([.. untracked.Concat(all).Select(RowMapping.ToDomain)]);
        if (errors.Count > 0) return new IdentityChange(errors);

        audit.Add(db, Actor.Name(actor), action, $"identity {publicId}", details);
        await db.SaveChangesAsync(ct);
        return IdentityChange.Ok;
    }

    private static string Describe(SendingIdentity i) =>
        $"publicId={i.PublicId}; sourceIp={i.SourceIp}; helo={i.HeloName}; weight={i.Weight}; " +
        $"include={string.Join(',', i.IncludeDomains)}; exclude={string.Join(',', i.ExcludeDomains)}; enabled={i.Enabled}";
}
