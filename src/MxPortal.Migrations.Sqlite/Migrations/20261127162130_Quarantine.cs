using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusSinceUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstErrorUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastErrorUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastCountedErrorUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastErrorText = table.Column<string>(type: "TEXT", nullable: true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuarantineRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuarantineHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OldStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NewStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", nullable: true),
                    EventId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Counted = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false)
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
