using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MxPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Bounces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BounceMailboxes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Protocol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Host = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Port = table.Column<int>(type: "integer", nullable: false),
                    Tls = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProtectedPassword = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProcessedFolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    PollIntervalMinutes = table.Column<int>(type: "integer", nullable: false),
                    MaxMessagesPerRun = table.Column<int>(type: "integer", nullable: false),
                    LeaseOwner = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastPollUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastPollResult = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BounceMailboxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ErrorQualifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NormalizedText = table.Column<string>(type: "text", nullable: false),
                    Md5 = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FirstRawText = table.Column<string>(type: "text", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErrorQualifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedBounceMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    MessageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UidValidity = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ProcessedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RawMail = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedBounceMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessedBounceMails_BounceMailboxes_MailboxId",
                        column: x => x.MailboxId,
                        principalTable: "BounceMailboxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BounceEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Domain = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Decider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DiagnosticText = table.Column<string>(type: "text", nullable: true),
                    NormalizedTextMd5 = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    VerpToken = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MxPortalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OriginalMessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsComplaint = table.Column<bool>(type: "boolean", nullable: false),
                    Source = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProcessedBounceMailId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BounceEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BounceEvents_ProcessedBounceMails_ProcessedBounceMailId",
                        column: x => x.ProcessedBounceMailId,
                        principalTable: "ProcessedBounceMails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "UnparsedBounceMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessedBounceMailId = table.Column<long>(type: "bigint", nullable: false),
                    MailboxId = table.Column<int>(type: "integer", nullable: false),
                    MessageId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RawMail = table.Column<byte[]>(type: "bytea", nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnparsedBounceMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnparsedBounceMails_ProcessedBounceMails_ProcessedBounceMai~",
                        column: x => x.ProcessedBounceMailId,
                        principalTable: "ProcessedBounceMails",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_Address_AtUtc",
                table: "BounceEvents",
                columns: new[] { "Address", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_AtUtc",
                table: "BounceEvents",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_NormalizedTextMd5",
                table: "BounceEvents",
                column: "NormalizedTextMd5");

            migrationBuilder.CreateIndex(
                name: "IX_BounceEvents_ProcessedBounceMailId",
                table: "BounceEvents",
                column: "ProcessedBounceMailId");

            migrationBuilder.CreateIndex(
                name: "IX_BounceMailboxes_Name",
                table: "BounceMailboxes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErrorQualifications_Md5",
                table: "ErrorQualifications",
                column: "Md5",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErrorQualifications_Status_Count",
                table: "ErrorQualifications",
                columns: new[] { "Status", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedBounceMails_MailboxId_MessageId",
                table: "ProcessedBounceMails",
                columns: new[] { "MailboxId", "MessageId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedBounceMails_MailboxId_UidValidity_MessageKey",
                table: "ProcessedBounceMails",
                columns: new[] { "MailboxId", "UidValidity", "MessageKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnparsedBounceMails_AtUtc",
                table: "UnparsedBounceMails",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_UnparsedBounceMails_ProcessedBounceMailId",
                table: "UnparsedBounceMails",
                column: "ProcessedBounceMailId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BounceEvents");

            migrationBuilder.DropTable(
                name: "ErrorQualifications");

            migrationBuilder.DropTable(
                name: "UnparsedBounceMails");

            migrationBuilder.DropTable(
                name: "ProcessedBounceMails");

            migrationBuilder.DropTable(
                name: "BounceMailboxes");
        }
    }
}
