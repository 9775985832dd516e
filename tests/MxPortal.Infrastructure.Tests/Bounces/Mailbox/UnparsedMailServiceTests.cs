using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Tests.Bounces.Rules;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

[Collection(DataCollection.Name)]
public sealed class UnparsedMailServiceTests(PostgresFixture postgres)
{
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = Principals.With("admin@example.test", "a1", Roles.Administrator);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Reprocess_AMailTheParserNowReads_RecordsItOnceAndRemovesItFromTheList(string provider)
    {
        await using var host = await BounceRulesHost.CreateAsync(provider, postgres);
        var recorder = host.Services.GetRequiredService<BounceMailRecorder>();
        await using (var db = await host.DbAsync())
        {
            db.BounceMailboxes.Add(new BounceMailbox { Name = "returns", Host = "127.0.0.1", Port = 110, UserName = "returns" });
            await db.SaveChangesAsync();
        }
        var mailbox = (await (await host.DbAsync()).BounceMailboxes.SingleAsync()).Id;
        Assert.Equal(ProcessedMailOutcome.Unparsed, await recorder.RecordAsync(mailbox, 1, "1", Encoding.ASCII.GetBytes("Subject: hello\r\n\r\nnot a bounce at all\r\n"), default));
        await using (var db = await host.DbAsync())
        {
            // As if an older parser had failed on a real DSN: the processed row and the raw copy, with its Message-ID.
            var processed = new ProcessedBounceMail { MailboxId = mailbox, UidValidity = 1, MessageKey = "2", MessageId = "<dsn-9@mx.test>", Outcome = ProcessedMailOutcome.Unparsed };
            db.ProcessedBounceMails.Add(processed);
            await db.SaveChangesAsync();
            db.UnparsedBounceMails.Add(new UnparsedBounceMail
            {
                ProcessedBounceMailId = processed.Id, MailboxId = mailbox, MessageId = "<dsn-9@mx.test>", Subject = "Undelivered", Error = "old parser",
                RawMail = DsnMail.Create("<dsn-9@mx.test>", "gone@example.test", "5.1.1", "550 5.1.1 user unknown"),
            });
            await db.SaveChangesAsync();
        }
        var service = host.Services.GetRequiredService<UnparsedMailService>();
        var (rows, total) = await service.PageAsync(Admin, 0, 10);
        var readable = rows.Single(r => r.MessageId == "<dsn-9@mx.test>");
        var unreadable = rows.Single(r => r.MessageId != "<dsn-9@mx.test>");

        var still = await service.ReprocessAsync(Admin, unreadable.Id);
        var done = await service.ReprocessAsync(Admin, readable.Id);
        var again = await service.ReprocessAsync(Admin, readable.Id);

        Assert.Equal(2, total);
        Assert.StartsWith("Still not readable as a bounce", still);
        Assert.Null(done);
        Assert.NotNull(again);
        Assert.Contains("not a bounce at all", await service.RawAsync(Admin, unreadable.Id));
        await service.DeleteAsync(Admin, unreadable.Id);
        await using var check = await host.DbAsync();
        Assert.Equal(0, await check.UnparsedBounceMails.CountAsync());
        Assert.Equal("gone@example.test", (await check.BounceEvents.SingleAsync()).Address);
        Assert.Equal(["unparsedmail.delete", "unparsedmail.reprocess"], await check.AuditEntries.Where(e => e.Action.StartsWith("unparsedmail."))
            .OrderBy(e => e.Action).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task TheList_IsRefusedToAnyoneButAdministrators()
    {
        await using var host = await BounceRulesHost.CreateAsync("Sqlite", postgres);
        var service = host.Services.GetRequiredService<UnparsedMailService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.PageAsync(BounceRulesHost.Editor, 0, 10));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ReprocessAsync(BounceRulesHost.Editor, 1));
    }
}
