using InvestmentPlatform.Data.Assets;
using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Data.Series;

internal static class SeriesModel
{
    /// <summary>Maps each <see cref="SeriesTable"/> onto its entity: table, key, value columns, and its asset.</summary>
    public static ModelBuilder AddSeriesTables(this ModelBuilder modelBuilder)
    {
        foreach (var table in SeriesTable.All)
            modelBuilder.Entity(table.Entity, b =>
            {
                b.ToTable(table.Name);
                b.HasKey(SeriesTable.KeyProperties);
                b.Property(nameof(ISeriesEntity.Interval)).HasMaxLength(8);
                foreach (var column in table.Columns)
                    b.Property(column.Property).HasColumnName(column.Name);
                b.HasOne(typeof(Asset)).WithMany().HasForeignKey(nameof(ISeriesEntity.AssetId)).OnDelete(DeleteBehavior.Cascade);
            });
        return modelBuilder;
    }
}
