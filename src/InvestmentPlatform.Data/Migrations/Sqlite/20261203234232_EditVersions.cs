using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "scheduler_job_templates",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "portfolios",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "portfolio_transactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "assets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "version",
                table: "scheduler_job_templates");

            migrationBuilder.DropColumn(
                name: "version",
                table: "portfolios");

            migrationBuilder.DropColumn(
                name: "version",
                table: "portfolio_transactions");

            migrationBuilder.DropColumn(
                name: "version",
                table: "assets");
        }
    }
}
