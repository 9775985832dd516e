using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BounceLogTextDomainIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_NormalizedTextMd5_Domain_AtUtc",
                table: "BounceEvents",
                columns: new[] { "NormalizedTextMd5", "Domain", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BounceEvents_NormalizedTextMd5_Domain_AtUtc",
                table: "BounceEvents");
        }
    }
}
