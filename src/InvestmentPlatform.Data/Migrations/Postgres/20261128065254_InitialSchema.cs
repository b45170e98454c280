using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    parameters_hash = table.Column<string>(type: "text", nullable: false),
                    parameters = table.Column<string>(type: "text", nullable: false),
                    inputs_fingerprint = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    result = table.Column<string>(type: "jsonb", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analytics_results", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assets",
                columns: table => new
                {
                    asset_id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    symbol = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    asset_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    currency = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    exchange = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assets", x => x.asset_id);
                    table.CheckConstraint("ck_assets_asset_type", "asset_type IN ('stock','forex','crypto','bond','commodity','economic_indicator')");
                });

            migrationBuilder.CreateTable(
                name: "data_collection_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    interval = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    records_collected = table.Column<long>(type: "bigint", nullable: false),
                    records_loaded = table.Column<long>(type: "bigint", nullable: false),
                    records_rejected = table.Column<long>(type: "bigint", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    duration_ms = table.Column<double>(type: "double precision", nullable: true),
                    error_class = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_collection_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    asset_type = table.Column<string>(type: "text", nullable: true),
                    symbols = table.Column<string>(type: "text", nullable: false),
                    interval = table.Column<string>(type: "text", nullable: false),
                    from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    mode = table.Column<string>(type: "text", nullable: false),
                    options = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    run_id = table.Column<Guid>(type: "uuid", nullable: true),
                    chunks_total = table.Column<int>(type: "integer", nullable: false),
                    chunks_done = table.Column<int>(type: "integer", nullable: false),
                    records_collected = table.Column<long>(type: "bigint", nullable: false),
                    records_loaded = table.Column<long>(type: "bigint", nullable: false),
                    records_rejected = table.Column<long>(type: "bigint", nullable: false),
                    error_class = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "portfolios",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    base_currency = table.Column<string>(type: "text", nullable: false),
                    cost_basis_method = table.Column<string>(type: "text", nullable: false),
                    allow_short = table.Column<bool>(type: "boolean", nullable: false),
                    benchmark_symbol = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scheduler_job_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    symbols = table.Column<string>(type: "text", nullable: false),
                    asset_type = table.Column<string>(type: "text", nullable: true),
                    interval = table.Column<string>(type: "text", nullable: false),
                    mode = table.Column<string>(type: "text", nullable: false),
                    lookback_days = table.Column<int>(type: "integer", nullable: false),
                    cron_expression = table.Column<string>(type: "text", nullable: true),
                    time_zone = table.Column<string>(type: "text", nullable: true),
                    interval_seconds = table.Column<int>(type: "integer", nullable: true),
                    max_retries = table.Column<int>(type: "integer", nullable: false),
                    timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    tags = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduler_job_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bond_rates",
                columns: table => new
                {
                    asset_id = table.Column<long>(type: "bigint", nullable: false),
                    interval = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    rate = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bond_rates", x => new { x.asset_id, x.interval, x.time });
                    table.ForeignKey(
                        name: "fk_bond_rates_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "economic_data",
                columns: table => new
                {
                    asset_id = table.Column<long>(type: "bigint", nullable: false),
                    interval = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_economic_data", x => new { x.asset_id, x.interval, x.time });
                    table.ForeignKey(
                        name: "fk_economic_data_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "forex_rates",
                columns: table => new
                {
                    asset_id = table.Column<long>(type: "bigint", nullable: false),
                    interval = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    open = table.Column<double>(type: "double precision", nullable: false),
                    high = table.Column<double>(type: "double precision", nullable: false),
                    low = table.Column<double>(type: "double precision", nullable: false),
                    close = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forex_rates", x => new { x.asset_id, x.interval, x.time });
                    table.ForeignKey(
                        name: "fk_forex_rates_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "market_data",
                columns: table => new
                {
                    asset_id = table.Column<long>(type: "bigint", nullable: false),
                    interval = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    open = table.Column<double>(type: "double precision", nullable: false),
                    high = table.Column<double>(type: "double precision", nullable: false),
                    low = table.Column<double>(type: "double precision", nullable: false),
                    close = table.Column<double>(type: "double precision", nullable: false),
                    adj_close = table.Column<double>(type: "double precision", nullable: true),
                    volume = table.Column<double>(type: "double precision", nullable: true),
                    dividends = table.Column<double>(type: "double precision", nullable: false),
                    stock_splits = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_data", x => new { x.asset_id, x.interval, x.time });
                    table.ForeignKey(
                        name: "fk_market_data_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_chunks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    symbol = table.Column<string>(type: "text", nullable: false),
                    from = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    to = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    parts_loaded = table.Column<int>(type: "integer", nullable: false),
                    records_collected = table.Column<long>(type: "bigint", nullable: false),
                    records_loaded = table.Column<long>(type: "bigint", nullable: false),
                    records_rejected = table.Column<long>(type: "bigint", nullable: false),
                    error_class = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingestion_chunks", x => x.id);
                    table.ForeignKey(
                        name: "fk_ingestion_chunks_ingestion_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "ingestion_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "portfolio_transactions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    portfolio_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    quantity = table.Column<double>(type: "double precision", nullable: false),
                    price = table.Column<double>(type: "double precision", nullable: false),
                    amount = table.Column<double>(type: "double precision", nullable: false),
                    fee = table.Column<double>(type: "double precision", nullable: false),
                    currency = table.Column<string>(type: "text", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portfolio_transactions", x => x.id);
                    table.ForeignKey(
                        name: "fk_portfolio_transactions_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "asset_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_portfolio_transactions_portfolios_portfolio_id",
                        column: x => x.portfolio_id,
                        principalTable: "portfolios",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduler_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    source = table.Column<string>(type: "text", nullable: false),
                    symbols = table.Column<string>(type: "text", nullable: false),
                    asset_filter = table.Column<string>(type: "text", nullable: true),
                    asset_type = table.Column<string>(type: "text", nullable: true),
                    interval = table.Column<string>(type: "text", nullable: false),
                    mode = table.Column<string>(type: "text", nullable: false),
                    lookback_days = table.Column<int>(type: "integer", nullable: false),
                    schedule_kind = table.Column<string>(type: "text", nullable: false),
                    cron_expression = table.Column<string>(type: "text", nullable: true),
                    time_zone = table.Column<string>(type: "text", nullable: true),
                    interval_seconds = table.Column<int>(type: "integer", nullable: true),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    max_retries = table.Column<int>(type: "integer", nullable: false),
                    timeout_seconds = table.Column<int>(type: "integer", nullable: false),
                    tags = table.Column<string>(type: "text", nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduler_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_scheduler_jobs_scheduler_job_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "scheduler_job_templates",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    trigger = table.Column<string>(type: "text", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    chain_id = table.Column<Guid>(type: "uuid", nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scheduled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    duration_ms = table.Column<double>(type: "double precision", nullable: true),
                    records_collected = table.Column<long>(type: "bigint", nullable: false),
                    records_loaded = table.Column<long>(type: "bigint", nullable: false),
                    records_rejected = table.Column<long>(type: "bigint", nullable: false),
                    error_class = table.Column<string>(type: "text", nullable: true),
                    error_message = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_job_runs_scheduler_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "scheduler_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduler_job_dependencies",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    depends_on_job_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduler_job_dependencies", x => new { x.job_id, x.depends_on_job_id });
                    table.ForeignKey(
                        name: "fk_scheduler_job_dependencies_scheduler_jobs_depends_on_job_id",
                        column: x => x.depends_on_job_id,
                        principalTable: "scheduler_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scheduler_job_dependencies_scheduler_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "scheduler_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_analytics_results_parameters_hash",
                table: "analytics_results",
                column: "parameters_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assets_asset_type",
                table: "assets",
                column: "asset_type");

            migrationBuilder.CreateIndex(
                name: "ix_assets_symbol",
                table: "assets",
                column: "symbol",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_collection_log_asset_id",
                table: "data_collection_log",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_data_collection_log_request_id_symbol",
                table: "data_collection_log",
                columns: new[] { "request_id", "symbol" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_data_collection_log_started_at",
                table: "data_collection_log",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_chunks_request_id_symbol",
                table: "ingestion_chunks",
                columns: new[] { "request_id", "symbol" });

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_chunks_status",
                table: "ingestion_chunks",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_requests_created_at",
                table: "ingestion_requests",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_requests_run_id",
                table: "ingestion_requests",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_requests_status",
                table: "ingestion_requests",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_chain_id",
                table: "job_runs",
                column: "chain_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_job_id_scheduled_at",
                table: "job_runs",
                columns: new[] { "job_id", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_request_id",
                table: "job_runs",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_status",
                table: "job_runs",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_id",
                table: "outbox",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_sent_at",
                table: "outbox",
                column: "sent_at");

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_transactions_asset_id",
                table: "portfolio_transactions",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_portfolio_transactions_portfolio_id_time",
                table: "portfolio_transactions",
                columns: new[] { "portfolio_id", "time" });

            migrationBuilder.CreateIndex(
                name: "ix_portfolios_name",
                table: "portfolios",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheduler_job_dependencies_depends_on_job_id",
                table: "scheduler_job_dependencies",
                column: "depends_on_job_id");

            migrationBuilder.CreateIndex(
                name: "ix_scheduler_job_templates_name",
                table: "scheduler_job_templates",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheduler_jobs_name",
                table: "scheduler_jobs",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheduler_jobs_template_id",
                table: "scheduler_jobs",
                column: "template_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_results");

            migrationBuilder.DropTable(
                name: "bond_rates");

            migrationBuilder.DropTable(
                name: "data_collection_log");

            migrationBuilder.DropTable(
                name: "economic_data");

            migrationBuilder.DropTable(
                name: "forex_rates");

            migrationBuilder.DropTable(
                name: "ingestion_chunks");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "market_data");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "portfolio_transactions");

            migrationBuilder.DropTable(
                name: "scheduler_job_dependencies");

            migrationBuilder.DropTable(
                name: "ingestion_requests");

            migrationBuilder.DropTable(
                name: "assets");

            migrationBuilder.DropTable(
                name: "portfolios");

            migrationBuilder.DropTable(
                name: "scheduler_jobs");

            migrationBuilder.DropTable(
                name: "scheduler_job_templates");
        }
    }
}
