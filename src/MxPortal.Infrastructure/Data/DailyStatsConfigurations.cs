using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Dashboard;

namespace MxPortal.Infrastructure.Data;

internal sealed class DomainDailyStatConfiguration : IEntityTypeConfiguration<DomainDailyStat>
{
    public void Configure(EntityTypeBuilder<DomainDailyStat> e)
    {
        e.ToTable("DomainDailyStats");
        // The key is the upsert's conflict target (DailyStats); names are used in its SQL.
        e.HasKey(x => new { x.Day, x.Domain });
        e.Property(x => x.Domain).HasMaxLength(255);
    }
}

internal sealed class BounceDailyCountConfiguration : IEntityTypeConfiguration<BounceDailyCount>
{
    public void Configure(EntityTypeBuilder<BounceDailyCount> e)
    {
        e.ToTable("BounceDailyCounts");
        e.HasKey(x => new { x.Day, x.Type, x.Reason });
        e.Property(x => x.Type).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Reason).HasConversion<string>().HasMaxLength(32);
    }
}
