using Microsoft.EntityFrameworkCore;

namespace InvestmentPlatform.Data.Series;

internal static class SeriesModel
{
    /// <summary>
    /// Maps each <see cref="SeriesTable"/> onto its entity: table, key and value columns. No foreign key to assets: its
    /// check ran once per loaded row and cost the binary COPY more than half its speed. The asset is guarded once per
    /// load instead: the series writers check the asset in the load's transaction (PostgreSQL locks its row FOR KEY
    /// SHARE), and deleting an asset deletes its series after its row (the trigger assets_delete_series, migration
    /// SeriesDeletedWithAsset).
    /// </summary>
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
            });
        return modelBuilder;
    }
}
