using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "notification_channels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    url = table.Column<string>(type: "text", nullable: true),
                    secret = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_channels", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notification_channels_owner_id_kind",
                table: "notification_channels",
                columns: new[] { "owner_id", "kind" });

            migrationBuilder.AddColumn<Guid>(
                name: "webhook_channel_id",
                table: "alert_rules",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "email_channel_id",
                table: "alert_rules",
                type: "uuid",
                nullable: true);

            // Rules' inline webhooks and emails become their owners' channels before the inline columns go.
            NotificationChannelsData.MoveToChannels(migrationBuilder,
                "gen_random_uuid()",
                "now()");

            migrationBuilder.DropColumn(name: "email", table: "alert_rules");
            migrationBuilder.DropColumn(name: "webhook_url", table: "alert_rules");
            migrationBuilder.DropColumn(name: "webhook_secret", table: "alert_rules");

            migrationBuilder.CreateIndex(
                name: "ix_alert_rules_email_channel_id",
                table: "alert_rules",
                column: "email_channel_id");

            migrationBuilder.CreateIndex(
                name: "ix_alert_rules_webhook_channel_id",
                table: "alert_rules",
                column: "webhook_channel_id");

            migrationBuilder.AddForeignKey(
                name: "fk_alert_rules_notification_channels_email_channel_id",
                table: "alert_rules",
                column: "email_channel_id",
                principalTable: "notification_channels",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_alert_rules_notification_channels_webhook_channel_id",
                table: "alert_rules",
                column: "webhook_channel_id",
                principalTable: "notification_channels",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_alert_rules_notification_channels_email_channel_id",
                table: "alert_rules");

            migrationBuilder.DropForeignKey(
                name: "fk_alert_rules_notification_channels_webhook_channel_id",
                table: "alert_rules");

            migrationBuilder.DropIndex(
                name: "ix_alert_rules_email_channel_id",
                table: "alert_rules");

            migrationBuilder.DropIndex(
                name: "ix_alert_rules_webhook_channel_id",
                table: "alert_rules");

            migrationBuilder.AddColumn<string>(name: "email", table: "alert_rules", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "webhook_url", table: "alert_rules", type: "text", nullable: true);
            migrationBuilder.AddColumn<string>(name: "webhook_secret", table: "alert_rules", type: "text", nullable: true);

            NotificationChannelsData.MoveBackToRules(migrationBuilder);

            migrationBuilder.DropColumn(name: "webhook_channel_id", table: "alert_rules");
            migrationBuilder.DropColumn(name: "email_channel_id", table: "alert_rules");

            migrationBuilder.DropTable(
                name: "notification_channels");
        }
    }
}
