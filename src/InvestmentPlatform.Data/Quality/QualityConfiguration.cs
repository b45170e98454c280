using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Quality;

internal sealed class QualityFindingConfiguration : IEntityTypeConfiguration<QualityFinding>
{
    public void Configure(EntityTypeBuilder<QualityFinding> b)
    {
        b.ToTable("quality_findings");
        b.HasKey(x => x.Id);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.AssetId, x.Interval, x.Kind, x.BarTime }).IsUnique();
        // Bar queries with quality=clean look quarantined bars up by series and time.
        b.HasIndex(x => new { x.AssetId, x.Interval, x.BarTime }).HasFilter("quarantined");
        b.Property(x => x.Interval).HasMaxLength(8);
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Severity).HasMaxLength(16);
        b.Property(x => x.Status).HasMaxLength(16);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
    }
}

internal sealed class SeriesQualityConfiguration : IEntityTypeConfiguration<SeriesQuality>
{
    public void Configure(EntityTypeBuilder<SeriesQuality> b)
    {
        b.ToTable("series_quality");
        b.HasKey(x => new { x.AssetId, x.Interval });
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Score);
        b.Property(x => x.Interval).HasMaxLength(8);
        b.Property(x => x.Calendar).HasMaxLength(16);
    }
}
