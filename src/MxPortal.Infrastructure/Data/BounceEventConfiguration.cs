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
        // The quarantine reads an address's history; the bounce log sorts by time.
        e.HasIndex(x => new { x.Address, x.AtUtc });
        e.HasIndex(x => x.AtUtc);
        e.HasIndex(x => x.NormalizedTextMd5);
    }
}
