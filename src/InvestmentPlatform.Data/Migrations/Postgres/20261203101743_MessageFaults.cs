using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentPlatform.Data.Migrations.Postgres
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    queue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    error_class = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    exception_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    faulted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    redrives = table.Column<int>(type: "integer", nullable: false),
                    redrive_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
