using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MessageFaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "message_faults",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    message_type = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    queue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    error_class = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    exception_type = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    faulted_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    redrives = table.Column<int>(type: "INTEGER", nullable: false),
                    redrive_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_faults", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_message_faults_faulted_at",
                table: "message_faults",
                column: "faulted_at");

            migrationBuilder.CreateIndex(
                name: "ix_message_faults_redrive_at",
                table: "message_faults",
                column: "redrive_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "message_faults");
        }
    }
}
