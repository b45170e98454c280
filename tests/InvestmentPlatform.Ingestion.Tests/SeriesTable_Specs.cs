using InvestmentPlatform.Contracts.Ingestion;
using InvestmentPlatform.Data;
using InvestmentPlatform.Data.Series;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InvestmentPlatform.Ingestion.Tests;

public sealed class When_a_series_table_is_described_once
{
    public static TheoryData<string> Tables => [.. SeriesTable.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Should_be_the_table_the_model_maps(string name)
    {
        var table = SeriesTable.All.Single(t => t.Name == name);
        using var db = new SqlitePlatformDbContext(new DbContextOptionsBuilder<SqlitePlatformDbContext>()
            .UseSqlite("Data Source=:memory:").UseSnakeCaseNamingConvention().Options);
        var entity = db.Model.FindEntityType(table.Entity)!;
        var store = StoreObjectIdentifier.Table(name);

        Assert.Equal(name, entity.GetTableName());
        Assert.Equal(["asset_id", "interval", "time"], entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)));
        Assert.Equal(SeriesTable.KeySql.Replace("\"", ""), string.Join(", ", entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store))));
        Assert.Equal(
            entity.GetProperties().Select(p => p.GetColumnName(store)).Except(["asset_id", "interval", "time"]).Order(),
            table.Columns.Select(c => c.Name).Order());
        Assert.All(table.Columns, c => Assert.Equal(c.IsNullable, entity.FindProperty(c.Property)!.IsNullable));
    }

    [Fact]
    public void Should_store_each_field_a_row_of_its_asset_type_brings()
    {
        var row = new SeriesRow(DateTime.UtcNow, 1, 2, 3, 4, 5, 6, 7, 8);

        Assert.Equal([1d, 2, 3, 4, 5, 6, 7, 8], SeriesTable.For(AssetTypes.Stock).Columns.Select(c => c.Read(row)));
        Assert.Equal([1d, 2, 3, 4], SeriesTable.For(AssetTypes.Forex).Columns.Select(c => c.Read(row)));
        Assert.Equal([4d], SeriesTable.For(AssetTypes.Bond).Columns.Select(c => c.Read(row)));
        Assert.Equal(["value"], SeriesTable.For(AssetTypes.EconomicIndicator).Columns.Select(c => c.Name));
        Assert.Same(SeriesTable.MarketData, SeriesTable.For(AssetTypes.Crypto));
    }
}
