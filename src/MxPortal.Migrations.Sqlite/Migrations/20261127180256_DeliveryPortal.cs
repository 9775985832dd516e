using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ColumnsJson",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DoubleCount",
                table: "Deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "IdentitiesJson",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RejectedCount",
                table: "Deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WavesJson",
                table: "Deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetStates",
                columns: table => new
                {
                    Node = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BudgetKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RuleMask = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    IdentityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RemoteIp = table.Column<string>(type: "TEXT", maxLength: 45, nullable: true),
                    OpenConnections = table.Column<int>(type: "INTEGER", nullable: false),
                    SentThisSlice = table.Column<int>(type: "INTEGER", nullable: false),
                    SentLastHour = table.Column<int>(type: "INTEGER", nullable: false),
                    SliceStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SuspendedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SuspensionCause = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetStates", x => new { x.Node, x.BudgetKey });
                });

            migrationBuilder.CreateTable(
                name: "DeliveryImportIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryImportIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryImportIssues_Deliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "Deliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetStates_UpdatedUtc",
                table: "BudgetStates",
                column: "UpdatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryImportIssues_DeliveryId_Line",
                table: "DeliveryImportIssues",
                columns: new[] { "DeliveryId", "Line" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetStates");

            migrationBuilder.DropTable(
                name: "DeliveryImportIssues");

            migrationBuilder.DropColumn(
                name: "ColumnsJson",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "DoubleCount",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "IdentitiesJson",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "RejectedCount",
                table: "Deliveries");

            migrationBuilder.DropColumn(
                name: "WavesJson",
                table: "Deliveries");
        }
    }
}
