using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AuditWithChangeAndJobOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "owner_id",
                table: "scheduler_jobs",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "changes",
                table: "audit_log",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            // Rows written before the audit moved into the change's transaction keep the status they answered.
            migrationBuilder.Sql("UPDATE audit_log SET changes = 'answered ' || status");

            migrationBuilder.DropColumn(
                name: "status",
                table: "audit_log");

            migrationBuilder.CreateIndex(
                name: "ix_scheduler_jobs_owner_id",
                table: "scheduler_jobs",
                column: "owner_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scheduler_jobs_owner_id",
                table: "scheduler_jobs");

            migrationBuilder.DropColumn(
                name: "owner_id",
                table: "scheduler_jobs");

            migrationBuilder.DropColumn(
                name: "changes",
                table: "audit_log");

            migrationBuilder.AddColumn<int>(
                name: "status",
                table: "audit_log",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }
    }
}
