using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Currencies : Migration
    {
        /// <summary>
        /// Prices quoted in a minor unit (GBp, ZAc, ILA) were stored scaled to the major currency, with the unit in
        /// metadata; they are now stored as quoted and the asset's currency names the unit, so the scaled rows go back.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE market_data SET open = open / s.scale, high = high / s.scale, low = low / s.scale,
                       close = close / s.scale, adj_close = adj_close / s.scale, dividends = dividends / s.scale
                FROM (SELECT asset_id, CAST(json_extract(metadata, '$.priceScale') AS REAL) AS scale FROM assets
                      WHERE json_extract(metadata, '$.priceUnit') IS NOT NULL AND json_extract(metadata, '$.priceScale') IS NOT NULL) s
                WHERE market_data.asset_id = s.asset_id AND s.scale > 0;
                UPDATE assets SET currency = json_extract(metadata, '$.priceUnit'), metadata = json_remove(metadata, '$.priceUnit', '$.priceScale')
                WHERE json_extract(metadata, '$.priceUnit') IS NOT NULL AND json_extract(metadata, '$.priceScale') IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
