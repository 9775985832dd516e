using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RecipientListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_DeliveryId_Domain_Id",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "Domain", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_DeliveryId_FailureReason_Id",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "FailureReason", "Id" },
                filter: "\"FailureReason\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_DeliveryId_FailureType_Id",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "FailureType", "Id" },
                filter: "\"FailureType\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_DeliveryId_Id",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_DeliveryId_State_Id",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_Domain_Id",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_FailureReason_Id",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_FailureType_Id",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_Id",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_State_Id",
                table: "DeliveryRecipients");
        }
    }
}
