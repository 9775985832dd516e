using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>Login failures and overlapping runs: values, not crashes; one run does the work.</summary>
[Collection(DataCollection.Name)]
public sealed class BounceMailboxPollGuardTests(PostgresFixture postgres, DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    [Theory]
    [InlineData("Sqlite", MailProtocol.Pop3)]
    [InlineData("Sqlite", MailProtocol.Imap)]
    public async Task WrongPassword_IsAFailedResultWithAClearMessage_AndTheLeaseIsFreed(string provider, MailProtocol protocol)
    {
        await using var t = await MailboxTestContext.CreateAsync(provider, postgres, dovecot.Server, protocol, password: "not-the-password");
        t.Deliver("arf-02.eml");

        var result = await t.PollAsync();

        Assert.Equal(MailboxPollOutcome.Failed, result.Outcome);
        Assert.Contains("authentication failed", result.Error);
        Assert.DoesNotContain("not-the-password", result.Error);
        Assert.Equal(1, t.InMailbox);
        await using var db = await t.DbAsync();
        var box = await db.BounceMailboxes.SingleAsync();
        Assert.Null(box.LeaseOwner);
        Assert.Contains("authentication failed", box.LastPollResult);
    }

    [Theory]
    [InlineData("Sqlite", MailProtocol.Pop3)]
    [InlineData("Postgres", MailProtocol.Imap)]
    public async Task TwoRunsAtOnce_OnlyOneDoesTheWork(string provider, MailProtocol protocol)
    {
        await using var t = await MailboxTestContext.CreateAsync(provider, postgres, dovecot.Server, protocol);
        t.Deliver(MailboxTestContext.CorpusMails);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = t.Wrap(listGate: gate);

        var first = t.PollAsync(held);
        await held.Listing.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the first run holds the lease and is logged in
        var second = await t.PollAsync();
        gate.SetResult();
        var firstResult = await first;

        Assert.Equal(MailboxPollOutcome.Busy, second.Outcome);
        Assert.Equal(MailboxTestContext.CorpusMails.Length, firstResult.Recorded);
        await using var db = await t.DbAsync();
        Assert.Equal(MailboxTestContext.CorpusMails.Length, await db.ProcessedBounceMails.CountAsync());
    }

    [Fact]
    public async Task MaxMessagesPerRun_LeavesTheRestForTheNextRun()
    {
        await using var t = await MailboxTestContext.CreateAsync("Sqlite", postgres, dovecot.Server, MailProtocol.Imap);
        await using (var db = await t.DbAsync())
            await db.BounceMailboxes.ExecuteUpdateAsync(s => s.SetProperty(m => m.MaxMessagesPerRun, 2));
        t.Deliver(MailboxTestContext.CorpusMails);

        Assert.Equal(2, (await t.PollAsync()).Recorded);
        Assert.Equal(3, t.InMailbox);
        Assert.Equal(2, (await t.PollAsync()).Recorded);
        Assert.Equal(1, (await t.PollAsync()).Recorded);
        Assert.Equal(0, t.InMailbox);
    }

    [Fact]
    public async Task ExpiredLease_OfADeadRun_IsTakenOver()
    {
        await using var t = await MailboxTestContext.CreateAsync("Sqlite", postgres, dovecot.Server, MailProtocol.Pop3);
        await using (var db = await t.DbAsync())
        {
            var box = await db.BounceMailboxes.SingleAsync();
            (box.LeaseOwner, box.LeaseUntilUtc) = ("dead-node", t.Host.Time.GetUtcNow().UtcDateTime.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        Assert.Equal(MailboxPollOutcome.Busy, (await t.PollAsync()).Outcome);
        t.Host.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(MailboxPollOutcome.Completed, (await t.PollAsync()).Outcome);
    }
}
