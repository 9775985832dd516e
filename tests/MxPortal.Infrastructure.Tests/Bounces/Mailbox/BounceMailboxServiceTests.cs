using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Access;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Jobs;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Identity;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

[Collection(DataCollection.Name)]
public sealed class BounceMailboxServiceTests(PostgresFixture postgres, DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    [Theory]
    [InlineData(Roles.Deliverability)]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Viewer)]
    public async Task EveryOperation_ByANonAdministrator_IsRefused(string role)
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        var service = host.Services.GetRequiredService<BounceMailboxService>();
        var actor = Principals.With("someone@example.test", "id", role);
        var settings = MailboxTestContext.Settings(dovecot.Server, MailProtocol.Pop3, "x", "y");
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.ListAsync(actor));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.CreateAsync(actor, settings));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.UpdateAsync(actor, 1, settings));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.DeleteAsync(actor, 1));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => service.TestConnectionAsync(actor, settings));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Create_StoresThePasswordEncrypted_Audits_AndSchedulesThePoll(string provider)
    {
        await using var t = await MailboxTestContext.CreateAsync(provider, postgres, dovecot.Server, MailProtocol.Imap);
        var service = t.Host.Services.GetRequiredService<BounceMailboxService>();

        await using (var db = await t.DbAsync())
        {
            var stored = await db.BounceMailboxes.SingleAsync();
            Assert.DoesNotContain(DovecotServer.Password, stored.ProtectedPassword);
            Assert.Equal(DovecotServer.Password, t.Host.Services.GetRequiredService<MailboxPasswordProtector>().TryUnprotect(stored.ProtectedPassword));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "bouncemailbox.create");
            Assert.Equal("returns", audit.Target);
            Assert.DoesNotContain(DovecotServer.Password, audit.Details);
        }
        Assert.Equal("*/5 * * * *", PollCron(t, t.MailboxId));

        var listed = Assert.Single(await service.ListAsync(MailboxTestContext.Admin));
        Assert.Null(listed.Settings.Password);
        var update = await service.UpdateAsync(MailboxTestContext.Admin, t.MailboxId, listed.Settings with { PollIntervalMinutes = 15 });
        Assert.True(update.Succeeded);
        Assert.Equal("*/15 * * * *", PollCron(t, t.MailboxId));
        var test = await service.TestConnectionAsync(MailboxTestContext.Admin, listed.Settings, t.MailboxId); // keeps the stored password
        Assert.Equal(new MailboxTestResult(true, 0, null), test);

        await service.UpdateAsync(MailboxTestContext.Admin, t.MailboxId, listed.Settings with { Enabled = false });
        Assert.Null(PollCron(t, t.MailboxId));
        await service.DeleteAsync(MailboxTestContext.Admin, t.MailboxId);
        Assert.Empty(await service.ListAsync(MailboxTestContext.Admin));
    }

    [Fact]
    public async Task InvalidSettings_AreRefusedFieldByField()
    {
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);
        await host.MigrateAsync();
        var service = host.Services.GetRequiredService<BounceMailboxService>();

        var result = await service.CreateAsync(MailboxTestContext.Admin,
            new BounceMailboxSettings(" ", MailProtocol.Imap, "", 0, MailTlsMode.None, "", null, "", PollIntervalMinutes: 0));

        Assert.False(result.Succeeded);
        Assert.Equal(["Host", "Name", "Password", "PollIntervalMinutes", "Port", "ProcessedFolder", "UserName"], result.Errors.Keys.Order().ToList());
    }

    [Theory]
    [InlineData("exa mple.test")]
    [InlineData("mail.example.test:993")]
    [InlineData("imaps://mail.example.test")]
    public async Task AHostThatIsNoHostName_IsRefusedOnSave_AndOnTestConnection_WithoutTryingIt(string host)
    {
        await using var dataHost = await DataTestHost.CreateAsync("Sqlite", postgres);
        await dataHost.MigrateAsync();
        var service = dataHost.Services.GetRequiredService<BounceMailboxService>();
        var settings = new BounceMailboxSettings("returns", MailProtocol.Imap, host, 993, MailTlsMode.SslOnConnect, "returns", "secret");

        var saved = await service.CreateAsync(MailboxTestContext.Admin, settings);
        var test = await service.TestConnectionAsync(MailboxTestContext.Admin, settings);

        Assert.Equal(["Host"], saved.Errors.Keys);
        Assert.Equal(new MailboxTestResult(false, 0, "A host name or IP address is required."), test);
    }

    [Fact]
    public async Task TestConnection_WithTheRightPassword_CountsMessages_WithAWrongOne_SaysWhy()
    {
        await using var t = await MailboxTestContext.CreateAsync("Sqlite", postgres, dovecot.Server, MailProtocol.Pop3);
        t.Deliver("arf-02.eml", "lhost-exim-01.eml");
        var service = t.Host.Services.GetRequiredService<BounceMailboxService>();

        var ok = await service.TestConnectionAsync(MailboxTestContext.Admin, MailboxTestContext.Settings(dovecot.Server, MailProtocol.Pop3, t.User, DovecotServer.Password));
        var wrong = await service.TestConnectionAsync(MailboxTestContext.Admin, MailboxTestContext.Settings(dovecot.Server, MailProtocol.Pop3, t.User, "wrong"));

        Assert.Equal(new MailboxTestResult(true, 2, null), ok);
        Assert.False(wrong.Succeeded);
        Assert.Contains("authentication failed", wrong.Error);
        Assert.Equal(2, t.InMailbox);
    }

    private static string? PollCron(MailboxTestContext t, int mailboxId)
    {
        using var connection = t.Host.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == RecurringJobTable.BounceMailbox(mailboxId))?.Cron;
    }
}
