using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Infrastructure.Data;

internal sealed class UnparsedBounceMailConfiguration : IEntityTypeConfiguration<UnparsedBounceMail>
{
    public void Configure(EntityTypeBuilder<UnparsedBounceMail> e)
    {
        e.ToTable("UnparsedBounceMails");
        e.Property(x => x.MessageId).HasMaxLength(500);
        e.Property(x => x.Subject).HasMaxLength(500);
        e.Property(x => x.Error).HasMaxLength(2000).IsRequired();
        e.Property(x => x.RawMail).IsRequired();
        e.HasOne<ProcessedBounceMail>().WithOne().HasForeignKey<UnparsedBounceMail>(x => x.ProcessedBounceMailId)
            .OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.AtUtc);
    }
}
