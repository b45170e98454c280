using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeriesGuardedPerAsset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_bond_rates_assets_asset_id",
                table: "bond_rates");

            migrationBuilder.DropForeignKey(
                name: "fk_economic_data_assets_asset_id",
                table: "economic_data");

            migrationBuilder.DropForeignKey(
                name: "fk_forex_rates_assets_asset_id",
                table: "forex_rates");

            migrationBuilder.DropForeignKey(
                name: "fk_market_data_assets_asset_id",
                table: "market_data");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_bond_rates_assets_asset_id",
                table: "bond_rates",
                column: "asset_id",
                principalTable: "assets",
                principalColumn: "asset_id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_economic_data_assets_asset_id",
                table: "economic_data",
                column: "asset_id",
                principalTable: "assets",
                principalColumn: "asset_id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_forex_rates_assets_asset_id",
                table: "forex_rates",
                column: "asset_id",
                principalTable: "assets",
                principalColumn: "asset_id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_market_data_assets_asset_id",
                table: "market_data",
                column: "asset_id",
                principalTable: "assets",
                principalColumn: "asset_id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
