using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Bounces.Qualification;

namespace MxPortal.Infrastructure.Data;

internal sealed class ErrorQualificationConfiguration : IEntityTypeConfiguration<ErrorQualification>
{
    public void Configure(EntityTypeBuilder<ErrorQualification> e)
    {
        e.ToTable("ErrorQualifications");
        e.Property(x => x.NormalizedText).IsRequired();
        e.Property(x => x.Md5).HasMaxLength(32).IsRequired();
        e.HasIndex(x => x.Md5).IsUnique();
        e.Property(x => x.FirstRawText).IsRequired();
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        // The page filters by status and sorts by count.
        e.HasIndex(x => new { x.Status, x.Count });
    }
}
