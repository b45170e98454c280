using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduledReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "scheduler_jobs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "collection");

            migrationBuilder.AddColumn<string>(
                name: "report",
                table: "scheduler_jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "run_id",
                table: "report_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "report_id",
                table: "job_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_requests_run_id",
                table: "report_requests",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_report_id",
                table: "job_runs",
                column: "report_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_report_requests_run_id",
                table: "report_requests");

            migrationBuilder.DropIndex(
                name: "ix_job_runs_report_id",
                table: "job_runs");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "scheduler_jobs");

            migrationBuilder.DropColumn(
                name: "report",
                table: "scheduler_jobs");

            migrationBuilder.DropColumn(
                name: "run_id",
                table: "report_requests");

            migrationBuilder.DropColumn(
                name: "report_id",
                table: "job_runs");
        }
    }
}
