using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.MxRules;

namespace MxPortal.Infrastructure.Data;

internal sealed class ThroughputSettingRowConfiguration : IEntityTypeConfiguration<ThroughputSettingRow>
{
    public void Configure(EntityTypeBuilder<ThroughputSettingRow> e)
    {
        e.ToTable("ThroughputSettings");
        // A single row with a fixed id: never generated.
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}
