using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
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
                UPDATE market_data d SET open = d.open / s.scale, high = d.high / s.scale, low = d.low / s.scale,
                       close = d.close / s.scale, adj_close = d.adj_close / s.scale, dividends = d.dividends / s.scale
                FROM (SELECT asset_id, CAST(metadata->>'priceScale' AS double precision) AS scale FROM assets
                      WHERE metadata->>'priceUnit' IS NOT NULL AND metadata->>'priceScale' IS NOT NULL) s
                WHERE d.asset_id = s.asset_id AND s.scale > 0;
                UPDATE assets SET currency = metadata->>'priceUnit', metadata = metadata - 'priceUnit' - 'priceScale'
                WHERE metadata->>'priceUnit' IS NOT NULL AND metadata->>'priceScale' IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
