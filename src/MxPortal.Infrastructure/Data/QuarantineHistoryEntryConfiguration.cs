using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Domain.Quarantine;

namespace MxPortal.Infrastructure.Data;

internal sealed class QuarantineHistoryEntryConfiguration : IEntityTypeConfiguration<QuarantineHistoryEntry>
{
    /// <summary>A shadow key: the domain entry needs no back reference to its record.</summary>
    public const string RecordId = "RecordId";

    public void Configure(EntityTypeBuilder<QuarantineHistoryEntry> e)
    {
        e.ToTable("QuarantineHistory");
        e.Property<long>(RecordId);
        e.Property(x => x.OldStatus).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.NewStatus).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        // Texts are unbounded: a bounce diagnostic may be long, and a limit would fail only on PostgreSQL.
        e.Property(x => x.Actor).HasMaxLength(256).IsRequired();
        e.Property(x => x.EventId).HasMaxLength(400);
        // Note: the policy's own duplicate check reads the loaded history; this index is what stops a second,
        // concurrent processing of the same event: its transaction fails instead of counting twice.
        // The filter is plain SQL that SQLite and PostgreSQL both accept; manual actions have no event id.
        e.HasIndex(RecordId, nameof(QuarantineHistoryEntry.EventId)).IsUnique().HasFilter("\"EventId\" IS NOT NULL");
        e.HasIndex(RecordId, nameof(QuarantineHistoryEntry.AtUtc));
        // The dashboard's quarantine growth: entries into and out of Quarantine / Denylisted per day.
        e.HasIndex(x => new { x.NewStatus, x.OldStatus, x.AtUtc });
        e.HasIndex(x => new { x.OldStatus, x.NewStatus, x.AtUtc });
    }
}
