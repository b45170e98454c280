using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InvestmentPlatform.Data.Series;

internal sealed class SeriesVintageConfiguration : IEntityTypeConfiguration<SeriesVintageRow>
{
    public void Configure(EntityTypeBuilder<SeriesVintageRow> b)
    {
        b.ToTable("series_vintages");
        b.HasKey(x => new { x.AssetId, x.Time, x.ValidFrom });
        b.HasOne<Asset>().WithMany().HasForeignKey(x => x.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}
