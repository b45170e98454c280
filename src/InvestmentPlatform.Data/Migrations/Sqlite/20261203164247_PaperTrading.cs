using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaperTrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "portfolios",
                type: "TEXT",
                nullable: false,
                defaultValue: "standard");

            migrationBuilder.CreateTable(
                name: "paper_accounts",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    starting_cash = table.Column<double>(type: "REAL", nullable: false),
                    interval = table.Column<string>(type: "TEXT", nullable: false),
                    margin_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    leverage = table.Column<double>(type: "REAL", nullable: false),
                    max_position_fraction = table.Column<double>(type: "REAL", nullable: false),
                    max_order_notional = table.Column<double>(type: "REAL", nullable: true),
                    fee_per_unit = table.Column<double>(type: "REAL", nullable: false),
                    fee_rate = table.Column<double>(type: "REAL", nullable: false),
                    fee_minimum = table.Column<double>(type: "REAL", nullable: false),
                    slippage_bps = table.Column<double>(type: "REAL", nullable: false),
                    participation_rate = table.Column<double>(type: "REAL", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_accounts", x => x.portfolio_id);
                    table.ForeignKey(
                        name: "fk_paper_accounts_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "paper_orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_order_id = table.Column<string>(type: "TEXT", nullable: true),
                    request_hash = table.Column<string>(type: "TEXT", nullable: false),
                    asset_id = table.Column<long>(type: "INTEGER", nullable: true),
                    symbol = table.Column<string>(type: "TEXT", nullable: false),
                    side = table.Column<string>(type: "TEXT", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    quantity = table.Column<double>(type: "REAL", nullable: false),
                    limit_price = table.Column<double>(type: "REAL", nullable: true),
                    stop_price = table.Column<double>(type: "REAL", nullable: true),
                    time_in_force = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    reject_check = table.Column<string>(type: "TEXT", nullable: true),
                    reject_reason = table.Column<string>(type: "TEXT", nullable: true),
                    filled_quantity = table.Column<double>(type: "REAL", nullable: false),
                    average_fill_price = table.Column<double>(type: "REAL", nullable: false),
                    fees_paid = table.Column<double>(type: "REAL", nullable: false),
                    stop_triggered = table.Column<bool>(type: "INTEGER", nullable: false),
                    last_bar_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    events = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_orders_paper_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "paper_accounts",
                        principalColumn: "portfolio_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "paper_fills",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    bar_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    quantity = table.Column<double>(type: "REAL", nullable: false),
                    price = table.Column<double>(type: "REAL", nullable: false),
                    fee = table.Column<double>(type: "REAL", nullable: false),
                    transaction_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_fills", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_fills_paper_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "paper_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "paper_order_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    order_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", nullable: false),
                    from_status = table.Column<string>(type: "TEXT", nullable: true),
                    to_status = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    fill_price = table.Column<double>(type: "REAL", nullable: true),
                    fill_quantity = table.Column<double>(type: "REAL", nullable: true),
                    fee = table.Column<double>(type: "REAL", nullable: true),
                    bar_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    time = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_order_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_paper_order_events_paper_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "paper_orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_paper_fills_account_id_bar_time",
                table: "paper_fills",
                columns: new[] { "account_id", "bar_time" });

            migrationBuilder.CreateIndex(
                name: "ix_paper_fills_order_id_bar_time",
                table: "paper_fills",
                columns: new[] { "order_id", "bar_time" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_order_events_order_id_sequence",
                table: "paper_order_events",
                columns: new[] { "order_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_orders_account_id_client_order_id",
                table: "paper_orders",
                columns: new[] { "account_id", "client_order_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_paper_orders_account_id_submitted_at",
                table: "paper_orders",
                columns: new[] { "account_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_paper_orders_asset_id_status",
                table: "paper_orders",
                columns: new[] { "asset_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_paper_orders_status_expires_at",
                table: "paper_orders",
                columns: new[] { "status", "expires_at" });

            // The audit trail is append-only: the database itself refuses to change or remove an event row.
            migrationBuilder.Sql("""
                CREATE TRIGGER paper_order_events_no_update BEFORE UPDATE ON paper_order_events
                BEGIN SELECT RAISE(ABORT, 'paper_order_events is append-only: UPDATE is refused'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER paper_order_events_no_delete BEFORE DELETE ON paper_order_events
                BEGIN SELECT RAISE(ABORT, 'paper_order_events is append-only: DELETE is refused'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS paper_order_events_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS paper_order_events_no_delete;");

            migrationBuilder.DropTable(
                name: "paper_fills");

            migrationBuilder.DropTable(
                name: "paper_order_events");

            migrationBuilder.DropTable(
                name: "paper_orders");

            migrationBuilder.DropTable(
                name: "paper_accounts");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "portfolios");
        }
    }
}
