using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DataQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "quality_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    asset_id = table.Column<long>(type: "INTEGER", nullable: false),
                    interval = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    bar_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    detail = table.Column<string>(type: "TEXT", nullable: false),
                    bars = table.Column<int>(type: "INTEGER", nullable: false),
                    quarantined = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    decided_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    found_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quality_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_quality_findings_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "series_quality",
                columns: table => new
                {
                    asset_id = table.Column<long>(type: "INTEGER", nullable: false),
                    interval = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    coverage = table.Column<double>(type: "REAL", nullable: false),
                    sanity = table.Column<double>(type: "REAL", nullable: false),
                    freshness = table.Column<double>(type: "REAL", nullable: false),
                    expected_bars = table.Column<long>(type: "INTEGER", nullable: false),
                    missing_bars = table.Column<long>(type: "INTEGER", nullable: false),
                    stored_bars = table.Column<long>(type: "INTEGER", nullable: false),
                    suspect_bars = table.Column<long>(type: "INTEGER", nullable: false),
                    open_findings = table.Column<int>(type: "INTEGER", nullable: false),
                    last_bar = table.Column<DateTime>(type: "TEXT", nullable: true),
                    calendar = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    checked_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_series_quality", x => new { x.asset_id, x.interval });
                    table.ForeignKey(
                        name: "fk_series_quality_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_quality_findings_asset_id_interval_bar_time",
                table: "quality_findings",
                columns: new[] { "asset_id", "interval", "bar_time" },
                filter: "quarantined");

            migrationBuilder.CreateIndex(
                name: "ix_quality_findings_asset_id_interval_kind_bar_time",
                table: "quality_findings",
                columns: new[] { "asset_id", "interval", "kind", "bar_time" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_series_quality_score",
                table: "series_quality",
                column: "score");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "quality_findings");

            migrationBuilder.DropTable(
                name: "series_quality");
        }
    }
}
