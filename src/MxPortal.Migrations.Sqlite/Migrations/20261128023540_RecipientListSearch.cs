using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Sqlite.Migrations
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

            // "Address contains" (RecipientAddressSearch): an FTS5 trigram index over the address keys, external content
            // (the table keeps the text; rowid = recipient id), filled from the recipients already there and kept by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "DeliveryRecipientAddressSearch" USING fts5(
                    "AddressKey", content='DeliveryRecipients', content_rowid='Id', tokenize='trigram case_sensitive 0');
                INSERT INTO "DeliveryRecipientAddressSearch"("DeliveryRecipientAddressSearch") VALUES ('rebuild');
                CREATE TRIGGER "DeliveryRecipients_AddressSearch_Insert" AFTER INSERT ON "DeliveryRecipients" BEGIN
                    INSERT INTO "DeliveryRecipientAddressSearch"(rowid, "AddressKey") VALUES (new."Id", new."AddressKey");
                END;
                CREATE TRIGGER "DeliveryRecipients_AddressSearch_Delete" AFTER DELETE ON "DeliveryRecipients" BEGIN
                    INSERT INTO "DeliveryRecipientAddressSearch"("DeliveryRecipientAddressSearch", rowid, "AddressKey")
                    VALUES ('delete', old."Id", old."AddressKey");
                END;
                CREATE TRIGGER "DeliveryRecipients_AddressSearch_Update" AFTER UPDATE OF "AddressKey" ON "DeliveryRecipients" BEGIN
                    INSERT INTO "DeliveryRecipientAddressSearch"("DeliveryRecipientAddressSearch", rowid, "AddressKey")
                    VALUES ('delete', old."Id", old."AddressKey");
                    INSERT INTO "DeliveryRecipientAddressSearch"(rowid, "AddressKey") VALUES (new."Id", new."AddressKey");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "DeliveryRecipients_AddressSearch_Insert";
                DROP TRIGGER "DeliveryRecipients_AddressSearch_Delete";
                DROP TRIGGER "DeliveryRecipients_AddressSearch_Update";
                DROP TABLE "DeliveryRecipientAddressSearch";
                """);

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
