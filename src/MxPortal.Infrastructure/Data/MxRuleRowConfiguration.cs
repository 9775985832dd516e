using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Data;

internal sealed class MxRuleRowConfiguration : IEntityTypeConfiguration<MxRuleRow>
{
    public void Configure(EntityTypeBuilder<MxRuleRow> e)
    {
        e.ToTable("MxRules");
        e.Property(x => x.Mask).HasMaxLength(253).IsRequired();
        e.Property(x => x.Identifiers).HasMaxLength(256).IsRequired();
        e.Property(x => x.Comment).HasMaxLength(2000).IsRequired();
        // The store rewrites the ordered list in one transaction, so both keys stay unique at every commit.
        e.HasIndex(x => x.Position).IsUnique();
        e.HasIndex(x => x.Mask).IsUnique();
    }
}
