using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MxPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Quarantine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuarantineRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Domain = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusSinceUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ErrorCount = table.Column<int>(type: "integer", nullable: false),
                    FirstErrorUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastErrorUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastCountedErrorUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastErrorText = table.Column<string>(type: "text", nullable: true),
                    DeliveryId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantineRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuarantineHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OldStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NewStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    DeliveryId = table.Column<long>(type: "bigint", nullable: true),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    EventId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Counted = table.Column<bool>(type: "boolean", nullable: false),
                    RecordId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantineHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuarantineHistory_QuarantineRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "QuarantineRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineHistory_RecordId_AtUtc",
                table: "QuarantineHistory",
                columns: new[] { "RecordId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineHistory_RecordId_EventId",
                table: "QuarantineHistory",
                columns: new[] { "RecordId", "EventId" },
                unique: true,
                filter: "\"EventId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Address",
                table: "QuarantineRecords",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Domain",
                table: "QuarantineRecords",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_LastErrorUtc",
                table: "QuarantineRecords",
                column: "LastErrorUtc");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Reason",
                table: "QuarantineRecords",
                column: "Reason");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Status_StatusSinceUtc",
                table: "QuarantineRecords",
                columns: new[] { "Status", "StatusSinceUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Type",
                table: "QuarantineRecords",
                column: "Type");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuarantineHistory");

            migrationBuilder.DropTable(
                name: "QuarantineRecords");
        }
    }
}
