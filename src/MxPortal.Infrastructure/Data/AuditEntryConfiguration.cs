using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Domain.Audit;

namespace MxPortal.Infrastructure.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.Property(x => x.Actor).HasMaxLength(256).IsRequired();
        e.Property(x => x.Action).HasMaxLength(64).IsRequired();
        e.Property(x => x.Target).HasMaxLength(512).IsRequired();
        e.Property(x => x.Details).HasMaxLength(8000);
        // The audit page sorts by time (newest first) and filters by actor or action.
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.Actor, x.AtUtc });
        e.HasIndex(x => new { x.Action, x.AtUtc });
    }
}
