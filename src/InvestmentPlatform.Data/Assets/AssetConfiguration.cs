using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Assets;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> b)
    {
        b.ToTable("assets");
        b.HasKey(a => a.AssetId);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.Symbol).HasMaxLength(64);
        b.HasIndex(a => a.Symbol).IsUnique();
        b.Property(a => a.AssetType).HasMaxLength(32);
        b.Property(a => a.Source).HasMaxLength(32);
        b.Property(a => a.Currency).HasMaxLength(8);
        b.HasIndex(a => a.AssetType);
        b.ToTable(t => t.HasCheckConstraint("ck_assets_asset_type",
            "asset_type IN ('stock','forex','crypto','bond','commodity','economic_indicator')"));
    }
}
