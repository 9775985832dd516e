using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Data;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>
/// Contexts whose SaveChanges fails once a quarantine history entry is among the changes: the crash between
/// "the event is written" and "its quarantine effect is written" that the single transaction must make harmless.
/// </summary>
internal sealed class FailingContextFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<AppDbContext>(options).AddInterceptors(new FailOnQuarantine()).Options);

    private sealed class FailOnQuarantine : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var entries = eventData.Context!.ChangeTracker.Entries<QuarantineHistoryEntry>();
            if (entries.Any(e => e.State == EntityState.Added)) throw new InvalidOperationException("crash while applying the quarantine");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
