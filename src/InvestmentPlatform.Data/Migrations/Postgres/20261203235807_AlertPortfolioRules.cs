using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AlertPortfolioRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "confidence",
                table: "alert_rules",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "portfolio_id",
                table: "alert_rules",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "confidence",
                table: "alert_rules");

            migrationBuilder.DropColumn(
                name: "portfolio_id",
                table: "alert_rules");
        }
    }
}
