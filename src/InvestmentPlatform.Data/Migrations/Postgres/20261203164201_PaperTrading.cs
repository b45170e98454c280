using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
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
                type: "text",
                nullable: false,
                defaultValue: "standard");

            migrationBuilder.CreateTable(
                name: "paper_accounts",
                columns: table => new
                {
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starting_cash = table.Column<double>(type: "double precision", nullable: false),
                    interval = table.Column<string>(type: "text", nullable: false),
                    margin_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    leverage = table.Column<double>(type: "double precision", nullable: false),
                    max_position_fraction = table.Column<double>(type: "double precision", nullable: false),
                    max_order_notional = table.Column<double>(type: "double precision", nullable: true),
                    fee_per_unit = table.Column<double>(type: "double precision", nullable: false),
                    fee_rate = table.Column<double>(type: "double precision", nullable: false),
                    fee_minimum = table.Column<double>(type: "double precision", nullable: false),
                    slippage_bps = table.Column<double>(type: "double precision", nullable: false),
                    participation_rate = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_order_id = table.Column<string>(type: "text", nullable: true),
                    request_hash = table.Column<string>(type: "text", nullable: false),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    side = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    quantity = table.Column<double>(type: "double precision", nullable: false),
                    limit_price = table.Column<double>(type: "double precision", nullable: true),
                    stop_price = table.Column<double>(type: "double precision", nullable: true),
                    time_in_force = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    reject_check = table.Column<string>(type: "text", nullable: true),
                    reject_reason = table.Column<string>(type: "text", nullable: true),
                    filled_quantity = table.Column<double>(type: "double precision", nullable: false),
                    average_fill_price = table.Column<double>(type: "double precision", nullable: false),
                    fees_paid = table.Column<double>(type: "double precision", nullable: false),
                    stop_triggered = table.Column<bool>(type: "boolean", nullable: false),
                    last_bar_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    events = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bar_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    quantity = table.Column<double>(type: "double precision", nullable: false),
                    price = table.Column<double>(type: "double precision", nullable: false),
                    fee = table.Column<double>(type: "double precision", nullable: false),
                    transaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    from_status = table.Column<string>(type: "text", nullable: true),
                    to_status = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    fill_price = table.Column<double>(type: "double precision", nullable: true),
                    fill_quantity = table.Column<double>(type: "double precision", nullable: true),
                    fee = table.Column<double>(type: "double precision", nullable: true),
                    bar_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                CREATE FUNCTION paper_order_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'paper_order_events is append-only: % is refused', TG_OP USING ERRCODE = 'restrict_violation';
                END $$;
                CREATE TRIGGER paper_order_events_append_only BEFORE UPDATE OR DELETE ON paper_order_events
                    FOR EACH ROW EXECUTE FUNCTION paper_order_events_append_only();
                CREATE TRIGGER paper_order_events_no_truncate BEFORE TRUNCATE ON paper_order_events
                    FOR EACH STATEMENT EXECUTE FUNCTION paper_order_events_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS paper_order_events_no_truncate ON paper_order_events;
                DROP TRIGGER IF EXISTS paper_order_events_append_only ON paper_order_events;
                DROP FUNCTION IF EXISTS paper_order_events_append_only();
                """);

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
