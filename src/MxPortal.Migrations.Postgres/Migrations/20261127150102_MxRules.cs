using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MxPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MxRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MxRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Mask = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Identifiers = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Shared = table.Column<bool>(type: "boolean", nullable: false),
                    MaxConnections = table.Column<int>(type: "integer", nullable: false),
                    MaxMessagesPerConnection = table.Column<int>(type: "integer", nullable: false),
                    MessagesPerHour = table.Column<int>(type: "integer", nullable: false),
                    ConnectionTimeoutSeconds = table.Column<long>(type: "bigint", nullable: false),
                    DataTimeoutSeconds = table.Column<long>(type: "bigint", nullable: false),
                    TimeoutSeconds = table.Column<long>(type: "bigint", nullable: false),
                    Tls = table.Column<int>(type: "integer", nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MxRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SendingIdentities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicId = table.Column<int>(type: "integer", nullable: false),
                    SourceIp = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HeloName = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false),
                    IncludeDomains = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExcludeDomains = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    LevelOverride = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendingIdentities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThroughputSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    InstanceLevel = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThroughputSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MxRules_Mask",
                table: "MxRules",
                column: "Mask",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MxRules_Position",
                table: "MxRules",
                column: "Position",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SendingIdentities_PublicId",
                table: "SendingIdentities",
                column: "PublicId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SendingIdentities_SourceIp",
                table: "SendingIdentities",
                column: "SourceIp",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MxRules");

            migrationBuilder.DropTable(
                name: "SendingIdentities");

            migrationBuilder.DropTable(
                name: "ThroughputSettings");
        }
    }
}
