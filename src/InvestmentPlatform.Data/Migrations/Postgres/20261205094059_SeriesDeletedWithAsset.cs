using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SeriesDeletedWithAsset : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Deleting an asset deletes its series once per table, after its row is gone: a load holding the row's lock
            // (FOR KEY SHARE, taken by the loader) is waited for, so what it committed is deleted too.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION assets_delete_series() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM market_data WHERE asset_id = OLD.asset_id;
                    DELETE FROM forex_rates WHERE asset_id = OLD.asset_id;
                    DELETE FROM bond_rates WHERE asset_id = OLD.asset_id;
                    DELETE FROM economic_data WHERE asset_id = OLD.asset_id;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER assets_delete_series AFTER DELETE ON assets FOR EACH ROW EXECUTE FUNCTION assets_delete_series();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER assets_delete_series ON assets; DROP FUNCTION assets_delete_series();");
        }
    }
}
