using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaperCorporateActionsAndReplay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "paper_corporate_actions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    asset_id = table.Column<long>(type: "INTEGER", nullable: false),
                    ex_date = table.Column<DateTime>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    value = table.Column<double>(type: "REAL", nullable: false),
                    position = table.Column<double>(type: "REAL", nullable: false),
                    amount = table.Column<double>(type: "REAL", nullable: false),
                    transaction_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    applied_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_corporate_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_corporate_actions_paper_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "paper_accounts",
                        principalColumn: "portfolio_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_replays",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    owner_id = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    request = table.Column<string>(type: "TEXT", nullable: false),
                    result = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_replays", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_replays_paper_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "paper_accounts",
                        principalColumn: "portfolio_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_paper_corporate_actions_account_id_asset_id_ex_date_kind",
                table: "paper_corporate_actions",
                columns: new[] { "account_id", "asset_id", "ex_date", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_replays_account_id_created_at",
                table: "paper_replays",
                columns: new[] { "account_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_paper_replays_owner_id_status",
                table: "paper_replays",
                columns: new[] { "owner_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_corporate_actions");

            migrationBuilder.DropTable(
                name: "paper_replays");
        }
    }
}
