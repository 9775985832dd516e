using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecipientListSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_FailureReason_Id",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_FailureType_Id",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_DeliveryId_State_Id",
                table: "DeliveryRecipients");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_List_FailureReason",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "FailureReason", "Id", "Domain", "FailureType" },
                filter: "\"FailureReason\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_List_FailureType",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "FailureType", "Id", "Domain", "FailureReason" },
                filter: "\"FailureType\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryRecipients_List_State",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "State", "Id", "Domain", "FailureType", "FailureReason" });

            // "Address contains" (RecipientAddressSearch): a trigram GIN index over the address keys, for LIKE '%text%'.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX "IX_DeliveryRecipients_AddressKey_Trigram" ON "DeliveryRecipients" USING gin ("AddressKey" gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_DeliveryRecipients_AddressKey_Trigram";""");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_List_FailureReason",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_List_FailureType",
                table: "DeliveryRecipients");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryRecipients_List_State",
                table: "DeliveryRecipients");

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
                name: "IX_DeliveryRecipients_DeliveryId_State_Id",
                table: "DeliveryRecipients",
                columns: new[] { "DeliveryId", "State", "Id" });
        }
    }
}
