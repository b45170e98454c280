using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddPlannedRowsPerSourceDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "planned_rows",
                table: "ingestion_requests",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_ingestion_requests_source_created_at",
                table: "ingestion_requests",
                columns: new[] { "source", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_ingestion_requests_source_created_at",
                table: "ingestion_requests");

            migrationBuilder.DropColumn(
                name: "planned_rows",
                table: "ingestion_requests");
        }
    }
}
