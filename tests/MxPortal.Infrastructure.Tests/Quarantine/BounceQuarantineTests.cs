using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Quarantine;
using MxPortal.Infrastructure.Telemetry;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Telemetry;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Quarantine;

/// <summary>Asynchronous bounces reach the quarantine in the bounce mail's transaction, and count once.</summary>
[Collection(DataCollection.Name)]
public sealed class BounceQuarantineTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task HardBounceMail_QuarantinesWithTheEvent_AndTheSameMailAgainCountsOnce(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var mailbox = await SeedMailboxAsync(host);
        var recorder = host.Services.GetRequiredService<BounceMailRecorder>();
        using var metrics = new MetricsProbe(host.Services);
        var mails = metrics.Collect<long>("mxportal.bounce.mails");
        var bounces = metrics.Collect<long>("mxportal.bounce.qualifications");
        var transitions = metrics.Collect<long>("mxportal.quarantine.transitions");

        Assert.Equal(ProcessedMailOutcome.Recorded, await recorder.RecordAsync(mailbox, 1, "1", Dsn("<dsn-1@mx.test>"), default));
        // The same mail again under another key (copied back into the mailbox): a duplicate, no second count.
        Assert.Equal(ProcessedMailOutcome.Duplicate, await recorder.RecordAsync(mailbox, 1, "2", Dsn("<dsn-1@mx.test>"), default));
        // The same key again (a crash after commit, before removal) fails as a whole.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => recorder.RecordAsync(mailbox, 1, "1", Dsn("<dsn-1@mx.test>"), default));

        await using var db = await Db(host);
        var record = await db.QuarantineRecords.Include(r => r.History).SingleAsync();
        Assert.Equal(("gone@example.test", AddressStatus.Quarantine, FailureType.Hard, FailureReason.UserUnknown, 1),
            (record.Address, record.Status, record.Type, record.Reason, record.ErrorCount));
        Assert.Equal($"bounce:{mailbox}:1:1:0", Assert.Single(record.History).EventId);
        Assert.Equal(1, await db.BounceEvents.CountAsync());
        // Counted once committed: the failed third try counts nothing.
        Assert.Equal((1, 1, 2), (mails.Sum($"{MetricTags.MailResult}=recorded"), mails.Sum($"{MetricTags.MailResult}=duplicate"), mails.Count()));
        Assert.Equal(1, bounces.Sum($"{MetricTags.FailureType}=hard", $"{MetricTags.Reason}=user_unknown", $"{MetricTags.Origin}=async"));
        Assert.Equal(1, bounces.Sum());
        Assert.Equal(1, transitions.Sum($"{MetricTags.QuarantineStatus}=quarantine", $"{MetricTags.PreviousStatus}=valid"));
        Assert.Equal(1, transitions.Sum());
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task FailureWhileApplyingTheQuarantine_LeavesNeitherTheBounceNorItsEffect(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        var mailbox = await SeedMailboxAsync(host);
        var s = host.Services;
        var failing = new BounceMailRecorder(new FailingContextFactory(s.GetRequiredService<DbContextOptions<AppDbContext>>()),
            s.GetRequiredService<Infrastructure.Bounces.BounceMailParser>(), s.GetRequiredService<IBounceRuleSource>(), s.GetRequiredService<QuarantineApplier>(), host.Time, s.GetRequiredService<MxPortalMetrics>());

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RecordAsync(mailbox, 1, "1", Dsn("<dsn-2@mx.test>"), default));

        await using var db = await Db(host);
        Assert.Equal((0, 0, 0, 0), (await db.ProcessedBounceMails.CountAsync(), await db.BounceEvents.CountAsync(),
            await db.QuarantineRecords.CountAsync(), await db.QuarantineHistory.CountAsync()));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SameEventInTwoConcurrentTransactions_CountsOnce(string provider)
    {
        await using var host = await DataTestHost.CreateAsync(provider, postgres);
        await host.MigrateAsync();
        var applier = host.Services.GetRequiredService<QuarantineApplier>();
        AddressEvent Soft(string id) => new("full@example.test", QuarantineEvent.Error(id, FailureType.Soft, FailureReason.MailboxFull, "452 4.2.2"));
        await using (var seed = await Db(host))
        {
            await applier.ApplyAsync(seed, [Soft("bounce:a")]);
            await seed.SaveChangesAsync();
        }
        host.Time.Advance(TimeSpan.FromDays(2));

        // Both load the record before either commits, so neither sees the other's history entry.
        await using var first = await Db(host);
        await using var second = await Db(host);
        Assert.True((await applier.ApplyAsync(first, [Soft("bounce:b")]))[0].Counted);
        Assert.True((await applier.ApplyAsync(second, [Soft("bounce:b")]))[0].Counted);
        await first.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());

        await using var db = await Db(host);
        var record = await db.QuarantineRecords.Include(r => r.History).SingleAsync();
        Assert.Equal((AddressStatus.WithErrors, 2), (record.Status, record.ErrorCount));
        Assert.Equal(["bounce:a", "bounce:b"], record.History.Select(h => h.EventId).Order());
    }

    private static async Task<int> SeedMailboxAsync(DataTestHost host)
    {
        await host.MigrateAsync();
        await using var db = await Db(host);
        var box = new BounceMailbox { Name = "returns", Host = "127.0.0.1", Port = 110, UserName = "returns" };
        db.BounceMailboxes.Add(box);
        await db.SaveChangesAsync();
        return box.Id;
    }

    private static Task<AppDbContext> Db(DataTestHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private static byte[] Dsn(string messageId) =>
        DsnMail.Create(messageId, "Gone@Example.test", "5.1.1", "550 5.1.1 <gone@example.test>: Recipient address rejected: User unknown");
}
