using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MxPortal.Migrations.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DoubleCount",
                table: "Deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "IdentitiesJson",
                table: "Deliveries",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RejectedCount",
                table: "Deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WavesJson",
                table: "Deliveries",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetStates",
                columns: table => new
                {
                    Node = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BudgetKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RuleMask = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    IdentityId = table.Column<int>(type: "integer", nullable: false),
                    RemoteIp = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: true),
                    OpenConnections = table.Column<int>(type: "integer", nullable: false),
                    SentThisSlice = table.Column<int>(type: "integer", nullable: false),
                    SentLastHour = table.Column<int>(type: "integer", nullable: false),
                    SliceStartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuspendedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SuspensionCause = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetStates", x => new { x.Node, x.BudgetKey });
                });

            migrationBuilder.CreateTable(
                name: "DeliveryImportIssues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DeliveryId = table.Column<long>(type: "bigint", nullable: false),
                    Line = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
