using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MxPortal.Domain.Audit;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Bounces.Qualification;
using MxPortal.Infrastructure.Bounces.Rules;
using MxPortal.Infrastructure.Identity;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Infrastructure.Data;

/// <summary>
/// The one database of the portal. The model uses no provider-specific types so the SQLite and PostgreSQL
/// migrations (one assembly each) describe the same schema. Times are UTC <see cref="DateTime"/>.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Deliveries.Delivery> Deliveries => Set<Deliveries.Delivery>();
    public DbSet<Deliveries.DeliveryRecipient> DeliveryRecipients => Set<Deliveries.DeliveryRecipient>();
    public DbSet<Deliveries.DeliveryAttempt> DeliveryAttempts => Set<Deliveries.DeliveryAttempt>();
    public DbSet<Deliveries.Import.DeliveryImportIssue> DeliveryImportIssues => Set<Deliveries.Import.DeliveryImportIssue>();

    /// <summary>Each node's budget ledger, refreshed every few seconds for the delivery pages.</summary>
    public DbSet<Deliveries.Budgets.BudgetState> BudgetStates => Set<Deliveries.Budgets.BudgetState>();

    /// <summary>The MX rule set, ordered by <see cref="MxRuleRow.Position"/>.</summary>
    public DbSet<MxRuleRow> MxRules => Set<MxRuleRow>();

    public DbSet<SendingIdentityRow> SendingIdentities => Set<SendingIdentityRow>();

    public DbSet<ThroughputSettingRow> ThroughputSettings => Set<ThroughputSettingRow>();

    /// <summary>The throughput level factors in force (synchronized from the publisher); empty = the defaults.</summary>
    public DbSet<ThroughputFactorRow> ThroughputFactors => Set<ThroughputFactorRow>();

    public DbSet<BounceMailbox> BounceMailboxes => Set<BounceMailbox>();
    public DbSet<ProcessedBounceMail> ProcessedBounceMails => Set<ProcessedBounceMail>();
    public DbSet<UnparsedBounceMail> UnparsedBounceMails => Set<UnparsedBounceMail>();
    public DbSet<BounceEvent> BounceEvents => Set<BounceEvent>();
    public DbSet<ErrorQualification> ErrorQualifications => Set<ErrorQualification>();

    /// <summary>The bounce rule set, ordered by <see cref="BounceRuleRow.Position"/>.</summary>
    public DbSet<BounceRuleRow> BounceRules => Set<BounceRuleRow>();

    /// <summary>One row per normalized address (DOMAIN.md §7), with its history.</summary>
    public DbSet<QuarantineRecord> QuarantineRecords => Set<QuarantineRecord>();
    public DbSet<QuarantineHistoryEntry> QuarantineHistory => Set<QuarantineHistoryEntry>();

    /// <summary>Day counters of the dashboard, kept in the pipelines' transactions (<see cref="Dashboard.DailyStats"/>).</summary>
    public DbSet<Dashboard.DomainDailyStat> DomainDailyStats => Set<Dashboard.DomainDailyStat>();
    public DbSet<Dashboard.BounceDailyCount> BounceDailyCounts => Set<Dashboard.BounceDailyCount>();
    /// <summary>Rule synchronization (DOMAIN.md §9): runs with their changes, Custom modes, the publisher's API keys
    /// and signing key, the client's last valid feed, the suppression list and the texts clients pushed up.</summary>
    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();
    public DbSet<SyncChangeRow> SyncChanges => Set<SyncChangeRow>();
    public DbSet<SyncModeRow> SyncModes => Set<SyncModeRow>();
    public DbSet<SyncApiKey> SyncApiKeys => Set<SyncApiKey>();
    public DbSet<SigningKeyRow> SyncSigningKeys => Set<SigningKeyRow>();
    public DbSet<FeedSnapshot> SyncFeedSnapshots => Set<FeedSnapshot>();
    public DbSet<SuppressionEntryRow> SuppressionEntries => Set<SuppressionEntryRow>();
    public DbSet<UpstreamQualification> UpstreamQualifications => Set<UpstreamQualification>();

    /// <summary>Data Protection keys: sign-in cookies and encrypted secrets survive restarts and work across nodes.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MoveQuarantineVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MoveQuarantineVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Note: every writer of a quarantine record goes through SaveChanges, so this is the one place its token moves.
    private void MoveQuarantineVersions()
    {
        foreach (var entry in ChangeTracker.Entries<QuarantineRecord>().Where(e => e.State == EntityState.Modified))
        {
            var version = entry.Property<int>(QuarantineRecordConfiguration.Version);
            version.CurrentValue = version.OriginalValue + 1;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
