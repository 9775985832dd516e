using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class QuarantineUi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuarantineRecords_Domain",
                table: "QuarantineRecords");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineRecords_Reason",
                table: "QuarantineRecords");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineRecords_Type",
                table: "QuarantineRecords");

            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_NormalizedTextMd5",
                table: "BounceEvents");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "QuarantineRecords",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "DeliveryId",
                table: "BounceEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RecipientId",
                table: "BounceEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BounceDailyCounts",
                columns: table => new
                {
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BounceDailyCounts", x => new { x.Day, x.Type, x.Reason });
                });

            migrationBuilder.CreateTable(
                name: "DomainDailyStats",
                columns: table => new
                {
                    Day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Attempts = table.Column<long>(type: "INTEGER", nullable: false),
                    Sent = table.Column<long>(type: "INTEGER", nullable: false),
                    HardBounces = table.Column<long>(type: "INTEGER", nullable: false),
                    SoftBounces = table.Column<long>(type: "INTEGER", nullable: false),
                    Complaints = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DomainDailyStats", x => new { x.Day, x.Domain });
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Domain_StatusSinceUtc",
                table: "QuarantineRecords",
                columns: new[] { "Domain", "StatusSinceUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Reason_StatusSinceUtc",
                table: "QuarantineRecords",
                columns: new[] { "Reason", "StatusSinceUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_StatusSinceUtc",
                table: "QuarantineRecords",
                column: "StatusSinceUtc");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Type_StatusSinceUtc",
                table: "QuarantineRecords",
                columns: new[] { "Type", "StatusSinceUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineHistory_NewStatus_OldStatus_AtUtc",
                table: "QuarantineHistory",
                columns: new[] { "NewStatus", "OldStatus", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineHistory_OldStatus_NewStatus_AtUtc",
                table: "QuarantineHistory",
                columns: new[] { "OldStatus", "NewStatus", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_Decider_AtUtc",
                table: "BounceEvents",
                columns: new[] { "Decider", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_DeliveryId_AtUtc",
                table: "BounceEvents",
                columns: new[] { "DeliveryId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_Domain_AtUtc",
                table: "BounceEvents",
                columns: new[] { "Domain", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_NormalizedTextMd5_AtUtc",
                table: "BounceEvents",
                columns: new[] { "NormalizedTextMd5", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_Reason_AtUtc",
                table: "BounceEvents",
                columns: new[] { "Reason", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_Type_AtUtc",
                table: "BounceEvents",
                columns: new[] { "Type", "AtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_BounceEvents_Deliveries_DeliveryId",
                table: "BounceEvents",
                column: "DeliveryId",
                principalTable: "Deliveries",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BounceEvents_Deliveries_DeliveryId",
                table: "BounceEvents");

            migrationBuilder.DropTable(
                name: "BounceDailyCounts");

            migrationBuilder.DropTable(
                name: "DomainDailyStats");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineRecords_Domain_StatusSinceUtc",
                table: "QuarantineRecords");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineRecords_Reason_StatusSinceUtc",
                table: "QuarantineRecords");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineRecords_StatusSinceUtc",
                table: "QuarantineRecords");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineRecords_Type_StatusSinceUtc",
                table: "QuarantineRecords");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineHistory_NewStatus_OldStatus_AtUtc",
                table: "QuarantineHistory");

            migrationBuilder.DropIndex(
                name: "IX_QuarantineHistory_OldStatus_NewStatus_AtUtc",
                table: "QuarantineHistory");

            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_Decider_AtUtc",
                table: "BounceEvents");

            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_DeliveryId_AtUtc",
                table: "BounceEvents");

            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_Domain_AtUtc",
                table: "BounceEvents");

            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_NormalizedTextMd5_AtUtc",
                table: "BounceEvents");

            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_Reason_AtUtc",
                table: "BounceEvents");

            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_Type_AtUtc",
                table: "BounceEvents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "QuarantineRecords");

            migrationBuilder.DropColumn(
                name: "DeliveryId",
                table: "BounceEvents");

            migrationBuilder.DropColumn(
                name: "RecipientId",
                table: "BounceEvents");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Domain",
                table: "QuarantineRecords",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Reason",
                table: "QuarantineRecords",
                column: "Reason");

            migrationBuilder.CreateIndex(
                name: "IX_QuarantineRecords_Type",
                table: "QuarantineRecords",
                column: "Type");

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_NormalizedTextMd5",
                table: "BounceEvents",
                column: "NormalizedTextMd5");
        }
    }
}
