using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Infrastructure.Data;

internal sealed class QuarantineRecordConfiguration : IEntityTypeConfiguration<QuarantineRecord>
{
    /// <summary>
    /// A shadow concurrency token, moved by <see cref="AppDbContext"/> on every change of a record: two transactions that
    /// loaded the same record and applied different events cannot both save it (the second fails and is run again by
    /// <see cref="ConflictRetry"/>), so no count is lost. The domain record needs no trace of it.
    /// </summary>
    public const string Version = "Version";

    public void Configure(EntityTypeBuilder<QuarantineRecord> e)
    {
        e.ToTable("QuarantineRecords");
        e.Property<int>(Version).IsConcurrencyToken();
        e.Property(x => x.Address).HasMaxLength(320).IsRequired();
        e.Property(x => x.Domain).HasMaxLength(255).IsRequired();
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        // The address is the lookup key of both pipelines: one row per normalized address, even when two race.
        e.HasIndex(x => x.Address).IsUnique();
        // The list page filters by one of these and sorts by date (issue 6, item 4): (filter, since) indexes serve the
        // filter, the order and a deep page as one index walk (bench/queries.sh).
        e.HasIndex(x => x.StatusSinceUtc);
        e.HasIndex(x => new { x.Domain, x.StatusSinceUtc });
        e.HasIndex(x => new { x.Status, x.StatusSinceUtc });
        e.HasIndex(x => new { x.Reason, x.StatusSinceUtc });
        e.HasIndex(x => new { x.Type, x.StatusSinceUtc });
        e.HasIndex(x => x.LastErrorUtc);
        e.HasMany(x => x.History).WithOne().HasForeignKey(QuarantineHistoryEntryConfiguration.RecordId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
