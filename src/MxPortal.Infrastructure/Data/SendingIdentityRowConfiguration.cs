using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Data;

internal sealed class SendingIdentityRowConfiguration : IEntityTypeConfiguration<SendingIdentityRow>
{
    public void Configure(EntityTypeBuilder<SendingIdentityRow> e)
    {
        e.ToTable("SendingIdentities");
        e.Property(x => x.SourceIp).HasMaxLength(64).IsRequired();
        e.Property(x => x.HeloName).HasMaxLength(253).IsRequired();
        e.Property(x => x.IncludeDomains).HasMaxLength(4000).IsRequired();
        e.Property(x => x.ExcludeDomains).HasMaxLength(4000).IsRequired();
        e.HasIndex(x => x.PublicId).IsUnique();
        e.HasIndex(x => x.SourceIp).IsUnique();
    }
}
