using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Budgets;
using MxPortal.Infrastructure.Deliveries.Import;

namespace MxPortal.Infrastructure.Data;

internal sealed class DeliveryImportIssueConfiguration : IEntityTypeConfiguration<DeliveryImportIssue>
{
    public void Configure(EntityTypeBuilder<DeliveryImportIssue> e)
    {
        e.ToTable("DeliveryImportIssues");
        // Note: written by RecipientRowWriter's raw INSERT as the enum's name.
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(x => x.Message).HasMaxLength(1000);
        e.HasIndex(x => new { x.DeliveryId, x.Line });
        e.HasOne<Delivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetStateConfiguration : IEntityTypeConfiguration<BudgetState>
{
    public void Configure(EntityTypeBuilder<BudgetState> e)
    {
        e.ToTable("BudgetStates");
        e.HasKey(x => new { x.Node, x.BudgetKey });
        e.Property(x => x.Node).HasMaxLength(200);
        e.Property(x => x.BudgetKey).HasMaxLength(400);
        e.Property(x => x.RuleMask).HasMaxLength(255);
        e.Property(x => x.RemoteIp).HasMaxLength(45);
        e.Property(x => x.SuspensionCause).HasMaxLength(1000);
        e.HasIndex(x => x.UpdatedUtc);
    }
}
