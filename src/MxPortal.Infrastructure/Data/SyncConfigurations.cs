using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MxPortal.Infrastructure.MxRules;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Infrastructure.Data;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> e)
    {
        e.ToTable("SyncRuns");
        e.Property(x => x.Trigger).HasMaxLength(256);
        e.Property(x => x.Result).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.FeedVersion).HasMaxLength(64);
        e.Property(x => x.Error).HasMaxLength(4000);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.HasIndex(x => x.StartedUtc);
        e.HasMany(x => x.Changes).WithOne().HasForeignKey(c => c.SyncRunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncChangeRowConfiguration : IEntityTypeConfiguration<SyncChangeRow>
{
    public void Configure(EntityTypeBuilder<SyncChangeRow> e)
    {
        e.ToTable("SyncChanges");
        e.Property(x => x.DataType).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Key).HasMaxLength(512);
    }
}

internal sealed class SyncModeRowConfiguration : IEntityTypeConfiguration<SyncModeRow>
{
    public void Configure(EntityTypeBuilder<SyncModeRow> e)
    {
        e.ToTable("SyncModes");
        e.HasKey(x => x.DataType);
        e.Property(x => x.DataType).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.ChangedBy).HasMaxLength(256);
    }
}

internal sealed class SyncApiKeyConfiguration : IEntityTypeConfiguration<SyncApiKey>
{
    public void Configure(EntityTypeBuilder<SyncApiKey> e)
    {
        e.ToTable("SyncApiKeys");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.Hash).IsUnique();
        e.Ignore(x => x.IsActive);
    }
}

internal sealed class SigningKeyRowConfiguration : IEntityTypeConfiguration<SigningKeyRow>
{
    public void Configure(EntityTypeBuilder<SigningKeyRow> e)
    {
        e.ToTable("SyncSigningKeys");
        e.Property(x => x.KeyId).HasMaxLength(16);
        e.HasIndex(x => x.KeyId).IsUnique();
    }
}

internal sealed class FeedSnapshotConfiguration : IEntityTypeConfiguration<FeedSnapshot>
{
    public void Configure(EntityTypeBuilder<FeedSnapshot> e)
    {
        e.ToTable("SyncFeedSnapshots");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Version).HasMaxLength(64);
        e.Property(x => x.ETag).HasMaxLength(128);
        e.Property(x => x.Signature).HasMaxLength(128);
    }
}

internal sealed class SuppressionEntryRowConfiguration : IEntityTypeConfiguration<SuppressionEntryRow>
{
    public void Configure(EntityTypeBuilder<SuppressionEntryRow> e)
    {
        e.ToTable("SuppressionEntries");
        e.Property(x => x.Value).HasMaxLength(320);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Comment).HasMaxLength(1000);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.Value).IsUnique();
    }
}

internal sealed class UpstreamQualificationConfiguration : IEntityTypeConfiguration<UpstreamQualification>
{
    public void Configure(EntityTypeBuilder<UpstreamQualification> e)
    {
        e.ToTable("UpstreamQualifications");
        e.Property(x => x.Md5).HasMaxLength(32);
        e.HasIndex(x => new { x.ApiKeyId, x.Md5 }).IsUnique();
        e.HasOne<SyncApiKey>().WithMany().HasForeignKey(x => x.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThroughputFactorRowConfiguration : IEntityTypeConfiguration<ThroughputFactorRow>
{
    public void Configure(EntityTypeBuilder<ThroughputFactorRow> e)
    {
        e.ToTable("ThroughputFactors");
        e.HasKey(x => x.Level);
        e.Property(x => x.Level).ValueGeneratedNever();
        e.Property(x => x.Factor).HasPrecision(9, 4);
    }
}
