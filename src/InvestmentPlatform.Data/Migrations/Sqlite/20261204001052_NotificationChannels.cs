using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
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
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    url = table.Column<string>(type: "TEXT", nullable: true),
                    secret = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "email_channel_id",
                table: "alert_rules",
                type: "TEXT",
                nullable: true);

            // Rules' inline webhooks and emails become their owners' channels before the inline columns go.
            NotificationChannelsData.MoveToChannels(migrationBuilder,
                "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))",
                "strftime('%Y-%m-%d %H:%M:%f', 'now')");

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

            migrationBuilder.AddColumn<string>(name: "email", table: "alert_rules", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "webhook_url", table: "alert_rules", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<string>(name: "webhook_secret", table: "alert_rules", type: "TEXT", nullable: true);

            NotificationChannelsData.MoveBackToRules(migrationBuilder);

            migrationBuilder.DropColumn(name: "webhook_channel_id", table: "alert_rules");
            migrationBuilder.DropColumn(name: "email_channel_id", table: "alert_rules");

            migrationBuilder.DropTable(
                name: "notification_channels");
        }
    }
}
