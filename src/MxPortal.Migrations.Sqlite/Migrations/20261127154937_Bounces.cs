using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MxPortal.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Protocol = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Port = table.Column<int>(type: "INTEGER", nullable: false),
                    Tls = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProtectedPassword = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProcessedFolder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PollIntervalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxMessagesPerRun = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastPollUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastPollResult = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BounceMailboxes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ErrorQualifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NormalizedText = table.Column<string>(type: "TEXT", nullable: false),
                    Md5 = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FirstRawText = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErrorQualifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedBounceMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UidValidity = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProcessedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RawMail = table.Column<byte[]>(type: "BLOB", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Decider = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    DiagnosticText = table.Column<string>(type: "TEXT", nullable: true),
                    NormalizedTextMd5 = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    VerpToken = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MxPortalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OriginalMessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsComplaint = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProcessedBounceMailId = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProcessedBounceMailId = table.Column<long>(type: "INTEGER", nullable: false),
                    MailboxId = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RawMail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnparsedBounceMails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnparsedBounceMails_ProcessedBounceMails_ProcessedBounceMailId",
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
