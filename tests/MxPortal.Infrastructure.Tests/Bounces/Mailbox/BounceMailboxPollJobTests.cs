using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Telemetry;
using MxPortal.Infrastructure.Tests.Data;
using MxPortal.Infrastructure.Tests.Telemetry;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>The poll job against a real Dovecot, over POP3 and IMAP, on SQLite and PostgreSQL.</summary>
[Collection(DataCollection.Name)]
public sealed class BounceMailboxPollJobTests(PostgresFixture postgres, DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    public static TheoryData<string, MailProtocol> Cases => new()
    {
        { "Sqlite", MailProtocol.Pop3 }, { "Sqlite", MailProtocol.Imap },
        { "Postgres", MailProtocol.Pop3 }, { "Postgres", MailProtocol.Imap },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CorpusMails_AreRecordedOnceWithTheClassifiersReasons_AndLeaveOnlyAfterCommit(string provider, MailProtocol protocol)
    {
        await using var t = await MailboxTestContext.CreateAsync(provider, postgres, dovecot.Server, protocol);
        t.Deliver(MailboxTestContext.CorpusMails);
        using var metrics = new MetricsProbe(t.Host.Services);
        var mails = metrics.Collect<long>("mxportal.bounce.mails");
        var bounces = metrics.Collect<long>("mxportal.bounce.qualifications");
        var removedWithoutRow = new List<string>();
        var watch = t.Wrap(beforeRemove: async key =>
        {
            await using var db = await t.DbAsync();
            if (!await db.ProcessedBounceMails.AnyAsync(p => p.MessageKey == key)) removedWithoutRow.Add(key);
        });

        var first = await t.PollAsync(watch);
        var second = await t.PollAsync();

        Assert.Equal(new MailboxPollResult(MailboxPollOutcome.Completed, Recorded: MailboxTestContext.CorpusMails.Length), first);
        Assert.Equal(new MailboxPollResult(MailboxPollOutcome.Completed), second);
        Assert.Empty(removedWithoutRow);
        Assert.Equal(0, t.InMailbox);
        if (protocol == MailProtocol.Imap) Assert.Equal(MailboxTestContext.CorpusMails.Length, dovecot.Server.Count(t.User, "Processed"));
        await using var db = await t.DbAsync();
        var events = await db.BounceEvents.ToListAsync();
        Assert.Equal(MailboxTestContext.Expected(MailboxTestContext.CorpusMails),
            events.Select(e => (e.Address, e.Type, e.Reason)).Order().ToList());
        Assert.Contains(events, e => e.IsComplaint);
        Assert.All(events, e => Assert.NotNull(e.ProcessedBounceMailId));
        // Every event with a qualified text counted exactly once in the qualification table.
        Assert.Equal(events.Count(e => e.NormalizedTextMd5 is not null), await db.ErrorQualifications.SumAsync(q => q.Count));
        Assert.Equal(MailboxTestContext.CorpusMails.Length, mails.Sum($"{MetricTags.MailResult}=recorded"));
        Assert.Equal(MailboxTestContext.CorpusMails.Length, mails.Sum());
        Assert.Equal(events.Count, bounces.Sum($"{MetricTags.Origin}=async"));
        Assert.All(events.GroupBy(e => (e.Type, e.Reason)), g => Assert.Equal(g.Count(),
            bounces.Sum($"{MetricTags.FailureType}={MetricValues.Of(g.Key.Type)}", $"{MetricTags.Reason}={MetricValues.Of(g.Key.Reason)}")));
        var box = await db.BounceMailboxes.SingleAsync();
        Assert.Null(box.LeaseOwner);
        Assert.NotNull(box.LastPollUtc);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task UnparsableMail_IsKeptRawInTheUnparsedList_AndLeavesTheMailboxAfterCommit(string provider, MailProtocol protocol)
    {
        await using var t = await MailboxTestContext.CreateAsync(provider, postgres, dovecot.Server, protocol);
        var raw = "From: someone@example.test\r\nTo: returns@example.test\r\nSubject: lunch?\r\nMessage-ID: <lunch-1@example.test>\r\n\r\nAre you free at noon?\r\n"u8.ToArray();
        t.Dovecot.Deliver(t.User, raw);
        using var metrics = new MetricsProbe(t.Host.Services);
        var mails = metrics.Collect<long>("mxportal.bounce.mails");
        var bounces = metrics.Collect<long>("mxportal.bounce.qualifications");
        var rowsAtRemoval = -1;
        var watch = t.Wrap(beforeRemove: async _ =>
        {
            await using var db = await t.DbAsync();
            rowsAtRemoval = await db.UnparsedBounceMails.CountAsync();
        });

        var result = await t.PollAsync(watch);

        Assert.Equal(new MailboxPollResult(MailboxPollOutcome.Completed, Unparsed: 1), result);
        Assert.Equal(1, rowsAtRemoval);
        Assert.Equal(0, t.InMailbox);
        await using var check = await t.DbAsync();
        var unparsed = await check.UnparsedBounceMails.SingleAsync();
        Assert.Equal("lunch?", unparsed.Subject);
        Assert.Contains("Are you free at noon?", System.Text.Encoding.UTF8.GetString(unparsed.RawMail));
        Assert.False(string.IsNullOrWhiteSpace(unparsed.Error));
        Assert.Empty(await check.BounceEvents.ToListAsync());
        Assert.Equal((1, 1), (mails.Sum($"{MetricTags.MailResult}=unparsed"), mails.Sum()));
        Assert.Equal(0, bounces.Sum());
    }
    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CrashAfterCommitBeforeRemoval_Rerun_LosesNothingAndCountsNothingTwice(string provider, MailProtocol protocol)
    {
        await using var t = await MailboxTestContext.CreateAsync(provider, postgres, dovecot.Server, protocol);
        t.Deliver(MailboxTestContext.CorpusMails);
        var removals = 0;
        // The third mail is committed, then the step that removes it fails: the run dies between commit and removal.
        var crash = t.Wrap(beforeRemove: _ => ++removals == 3 ? throw new IOException("simulated crash after commit") : Task.CompletedTask);

        await Assert.ThrowsAsync<IOException>(() => t.PollAsync(crash));
        await using (var db = await t.DbAsync())
        {
            Assert.Equal(3, await db.ProcessedBounceMails.CountAsync());
            Assert.Null((await db.BounceMailboxes.SingleAsync()).LeaseOwner);
        }
        // POP3 deletions apply only at QUIT, which never came; IMAP moved the first two.
        Assert.Equal(protocol == MailProtocol.Pop3 ? 5 : 3, t.InMailbox);

        var rerun = await t.PollAsync();

        Assert.Equal(new MailboxPollResult(MailboxPollOutcome.Completed, Recorded: 2, AlreadyRecorded: protocol == MailProtocol.Pop3 ? 3 : 1), rerun);
        Assert.Equal(0, t.InMailbox);
        await using var check = await t.DbAsync();
        Assert.Equal(MailboxTestContext.Expected(MailboxTestContext.CorpusMails),
            (await check.BounceEvents.ToListAsync()).Select(e => (e.Address, e.Type, e.Reason)).Order().ToList());
        Assert.Equal(5, await check.ProcessedBounceMails.CountAsync());
    }
}
