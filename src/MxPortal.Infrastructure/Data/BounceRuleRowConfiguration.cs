using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces.Rules;

namespace MxPortal.Infrastructure.Data;

internal sealed class BounceRuleRowConfiguration : IEntityTypeConfiguration<BounceRuleRow>
{
    public void Configure(EntityTypeBuilder<BounceRuleRow> e)
    {
        e.ToTable("BounceRules");
        e.HasIndex(x => x.Key).IsUnique();
        // Note: not unique: a reorder rewrites positions row by row inside one transaction.
        e.HasIndex(x => x.Position);
        e.Property(x => x.Name).HasMaxLength(200).IsRequired();
        e.Property(x => x.Pattern).HasMaxLength(BounceRulePatternCheck.MaxLength).IsRequired();
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}
