using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    asset_id = table.Column<long>(type: "bigint", nullable: false),
                    interval = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    bar_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    detail = table.Column<string>(type: "text", nullable: false),
                    bars = table.Column<int>(type: "integer", nullable: false),
                    quarantined = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    found_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    asset_id = table.Column<long>(type: "bigint", nullable: false),
                    interval = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    coverage = table.Column<double>(type: "double precision", nullable: false),
                    sanity = table.Column<double>(type: "double precision", nullable: false),
                    freshness = table.Column<double>(type: "double precision", nullable: false),
                    expected_bars = table.Column<long>(type: "bigint", nullable: false),
                    missing_bars = table.Column<long>(type: "bigint", nullable: false),
                    stored_bars = table.Column<long>(type: "bigint", nullable: false),
                    suspect_bars = table.Column<long>(type: "bigint", nullable: false),
                    open_findings = table.Column<int>(type: "integer", nullable: false),
                    last_bar = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    calendar = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    checked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
