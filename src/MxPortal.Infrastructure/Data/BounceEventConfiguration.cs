using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Infrastructure.Data;

internal sealed class BounceEventConfiguration : IEntityTypeConfiguration<BounceEvent>
{
    public void Configure(EntityTypeBuilder<BounceEvent> e)
    {
        e.ToTable("BounceEvents");
        e.Property(x => x.Address).HasMaxLength(320).IsRequired();
        e.Property(x => x.Domain).HasMaxLength(255).IsRequired();
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.DecidedBy).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Decider).HasMaxLength(200).IsRequired();
        e.Property(x => x.Status).HasMaxLength(32);
        e.Property(x => x.NormalizedTextMd5).HasMaxLength(32);
        e.Property(x => x.VerpToken).HasMaxLength(200);
        e.Property(x => x.MxPortalId).HasMaxLength(200);
        e.Property(x => x.OriginalMessageId).HasMaxLength(500);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(8);
        e.HasOne<ProcessedBounceMail>().WithMany().HasForeignKey(x => x.ProcessedBounceMailId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Deliveries.Delivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.SetNull);
        // The bounce log sorts by time, newest first, under one equality filter: one (filter, time) index per filter,
        // so the first page and a deep page walk an index (Id rides along in every index) — bench/queries.sh.
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => new { x.Address, x.AtUtc });
        e.HasIndex(x => new { x.Domain, x.AtUtc });
        e.HasIndex(x => new { x.Type, x.AtUtc });
        e.HasIndex(x => new { x.Reason, x.AtUtc });
        e.HasIndex(x => new { x.Decider, x.AtUtc });
        e.HasIndex(x => new { x.DeliveryId, x.AtUtc });
        e.HasIndex(x => new { x.NormalizedTextMd5, x.AtUtc });
        // Text and domain together ("quota at gmail.com"): counted from this index alone, not by reading every row
        // of the domain to test its text.
        e.HasIndex(x => new { x.NormalizedTextMd5, x.Domain, x.AtUtc });
    }
}
