using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RecipientListAddressKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // "Address contains" of a common text (RecipientAddressSearch): the delivery's recipients in list (id) order with
            // their address key, so the page and the look check the text in the index without reading the rows.
            migrationBuilder.Sql("""
                CREATE INDEX "IX_DeliveryRecipients_List_AddressKey" ON "DeliveryRecipients" ("DeliveryId", "Id") INCLUDE ("AddressKey");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_DeliveryRecipients_List_AddressKey";""");
        }
    }
}
