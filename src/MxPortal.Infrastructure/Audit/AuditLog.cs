using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Audit;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Audit;

/// <summary>Writes the audit trail. Prefer <see cref="Add"/> inside the transaction of the change it records.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> contexts, TimeProvider time)
{
    public const string SystemActor = "system";

    /// <summary>Adds an entry to <paramref name="db"/>; it is saved with the change it describes.</summary>
    public AuditEntry Add(AppDbContext db, string actor, string action, string target, string? details = null)
    {
        var entry = new AuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor, 256),
            Action = Truncate(action, 64),
            Target = Truncate(target, 512),
            Details = details is null ? null : Truncate(details, 8000),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records an action whose change is saved elsewhere (e.g. by Identity's user manager).</summary>
    public async Task WriteAsync(string actor, string action, string target, string? details = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        Add(db, actor, action, target, details);
        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}
