using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeriesDeletedWithAsset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Deleting an asset deletes its series once per table (SQLite has one writer: no load runs beside it). A later
            // migration that rebuilds a series table must drop this trigger first and create it again after.
            migrationBuilder.Sql("""
                CREATE TRIGGER assets_delete_series AFTER DELETE ON assets FOR EACH ROW BEGIN
                    DELETE FROM market_data WHERE asset_id = OLD.asset_id;
                    DELETE FROM forex_rates WHERE asset_id = OLD.asset_id;
                    DELETE FROM bond_rates WHERE asset_id = OLD.asset_id;
                    DELETE FROM economic_data WHERE asset_id = OLD.asset_id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER assets_delete_series;");
        }
    }
}
