using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Infrastructure.Data;

internal sealed class BounceMailboxConfiguration : IEntityTypeConfiguration<BounceMailbox>
{
    public void Configure(EntityTypeBuilder<BounceMailbox> e)
    {
        e.ToTable("BounceMailboxes");
        e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Protocol).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Host).HasMaxLength(255).IsRequired();
        e.Property(x => x.Tls).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        e.Property(x => x.ProtectedPassword).HasMaxLength(2000).IsRequired();
        e.Property(x => x.ProcessedFolder).HasMaxLength(200).IsRequired();
        e.Property(x => x.LeaseOwner).HasMaxLength(64);
        e.Property(x => x.LastPollResult).HasMaxLength(2000);
    }
}
