using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Series;

internal sealed class MarketBarConfiguration : IEntityTypeConfiguration<MarketBar>
{
    public void Configure(EntityTypeBuilder<MarketBar> b)
    {
        b.ToTable("market_data");
        // Interval is part of the key so daily and intraday bars of one asset never collide.
        b.HasKey(x => new { x.AssetId, x.Interval, x.Time });
        b.Property(x => x.Interval).HasMaxLength(8);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ForexRateConfiguration : IEntityTypeConfiguration<ForexRate>
{
    public void Configure(EntityTypeBuilder<ForexRate> b)
    {
        b.ToTable("forex_rates");
        b.HasKey(x => new { x.AssetId, x.Interval, x.Time });
        b.Property(x => x.Interval).HasMaxLength(8);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BondRateConfiguration : IEntityTypeConfiguration<BondRate>
{
    public void Configure(EntityTypeBuilder<BondRate> b)
    {
        b.ToTable("bond_rates");
        b.HasKey(x => new { x.AssetId, x.Interval, x.Time });
        b.Property(x => x.Interval).HasMaxLength(8);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EconomicObservationConfiguration : IEntityTypeConfiguration<EconomicObservation>
{
    public void Configure(EntityTypeBuilder<EconomicObservation> b)
    {
        b.ToTable("economic_data");
        b.HasKey(x => new { x.AssetId, x.Interval, x.Time });
        b.Property(x => x.Interval).HasMaxLength(8);
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}
