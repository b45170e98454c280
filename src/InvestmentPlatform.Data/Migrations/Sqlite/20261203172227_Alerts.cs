using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    firing_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    status_code = table.Column<int>(type: "INTEGER", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    cooldown_seconds = table.Column<int>(type: "INTEGER", nullable: false),
                    channels = table.Column<string>(type: "TEXT", nullable: false),
                    webhook_url = table.Column<string>(type: "TEXT", nullable: true),
                    webhook_secret = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    asset_id = table.Column<long>(type: "INTEGER", nullable: true),
                    symbol = table.Column<string>(type: "TEXT", nullable: true),
                    interval = table.Column<string>(type: "TEXT", nullable: true),
                    direction = table.Column<string>(type: "TEXT", nullable: true),
                    field = table.Column<string>(type: "TEXT", nullable: true),
                    level = table.Column<double>(type: "REAL", nullable: true),
                    hysteresis = table.Column<double>(type: "REAL", nullable: true),
                    percent = table.Column<double>(type: "REAL", nullable: true),
                    bars = table.Column<int>(type: "INTEGER", nullable: true),
                    multiplier = table.Column<double>(type: "REAL", nullable: true),
                    job_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    armed = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_evaluated_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_fired_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    version = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: false),
                    rule_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    firing_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    link = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    read_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "alert_firings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rule_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: false),
                    trigger_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: false),
                    message = table.Column<string>(type: "TEXT", nullable: false),
                    fired_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
