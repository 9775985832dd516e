using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Infrastructure.Data;

internal sealed class ProcessedBounceMailConfiguration : IEntityTypeConfiguration<ProcessedBounceMail>
{
    public void Configure(EntityTypeBuilder<ProcessedBounceMail> e)
    {
        e.ToTable("ProcessedBounceMails");
        e.Property(x => x.MessageKey).HasMaxLength(200).IsRequired();
        e.Property(x => x.MessageId).HasMaxLength(500);
        e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(16);
        e.HasOne<BounceMailbox>().WithMany().HasForeignKey(x => x.MailboxId).OnDelete(DeleteBehavior.Cascade);
        // The exactly-once guarantee: the same mail of the same mailbox can never be recorded twice.
        e.HasIndex(x => new { x.MailboxId, x.UidValidity, x.MessageKey }).IsUnique();
        e.HasIndex(x => new { x.MailboxId, x.MessageId });
    }
}
