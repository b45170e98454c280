using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    firing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    cooldown_seconds = table.Column<int>(type: "integer", nullable: false),
                    channels = table.Column<string>(type: "text", nullable: false),
                    webhook_url = table.Column<string>(type: "text", nullable: true),
                    webhook_secret = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: true),
                    interval = table.Column<string>(type: "text", nullable: true),
                    direction = table.Column<string>(type: "text", nullable: true),
                    field = table.Column<string>(type: "text", nullable: true),
                    level = table.Column<double>(type: "double precision", nullable: true),
                    hysteresis = table.Column<double>(type: "double precision", nullable: true),
                    percent = table.Column<double>(type: "double precision", nullable: true),
                    bars = table.Column<int>(type: "integer", nullable: true),
                    multiplier = table.Column<double>(type: "double precision", nullable: true),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    armed = table.Column<bool>(type: "boolean", nullable: false),
                    last_evaluated_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_fired_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<string>(type: "text", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                    firing_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    link = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_firings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<string>(type: "text", nullable: false),
                    trigger_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    fired_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_firings", x => x.id);
                    table.ForeignKey(
                        name: "fk_alert_firings_alert_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "alert_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_deliveries_firing_id_channel",
                table: "alert_deliveries",
                columns: new[] { "firing_id", "channel" });

            migrationBuilder.CreateIndex(
                name: "ix_alert_firings_owner_id_fired_at",
                table: "alert_firings",
                columns: new[] { "owner_id", "fired_at" });

            migrationBuilder.CreateIndex(
                name: "ix_alert_firings_rule_id_trigger_time",
                table: "alert_firings",
                columns: new[] { "rule_id", "trigger_time" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alert_rules_asset_id_interval_enabled",
                table: "alert_rules",
                columns: new[] { "asset_id", "interval", "enabled" });

            migrationBuilder.CreateIndex(
                name: "ix_alert_rules_job_id",
                table: "alert_rules",
                column: "job_id");

            migrationBuilder.CreateIndex(
                name: "ix_alert_rules_owner_id",
                table: "alert_rules",
                column: "owner_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_firing_id",
                table: "notifications",
                column: "firing_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_owner_id_read_at",
                table: "notifications",
                columns: new[] { "owner_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_deliveries");

            migrationBuilder.DropTable(
                name: "alert_firings");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "alert_rules");
        }
    }
}
