using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>
/// The crash test of issue 4: a poll running in a separate process (<c>mxportal bounce-mailbox poll</c>) is killed
/// with SIGKILL mid-run; the rerun (after the dead run's lease expires) neither loses nor double-counts a mail.
/// </summary>
[Collection(DataCollection.Name)]
public sealed class BounceMailboxKillTests(PostgresFixture postgres, DovecotFixture dovecot) : IClassFixture<DovecotFixture>
{
    private const int Mails = 120;

    [Theory]
    [InlineData("Sqlite", MailProtocol.Pop3)]
    [InlineData("Postgres", MailProtocol.Imap)]
    public async Task PollProcessKilledMidRun_Rerun_NeitherLosesNorDoublesAMail(string provider, MailProtocol protocol)
    {
        await using var t = await MailboxTestContext.CreateAsync(provider, postgres, dovecot.Server, protocol);
        var files = DistinctBounceFiles().Take(Mails).ToArray();
        Assert.Equal(Mails, files.Length);
        t.Deliver(files);

        int committedAtKill;
        using (var child = StartPoll(provider, t))
        {
            await WaitForCommitsAsync(t, child, atLeast: 10);
            child.Kill(); // SIGKILL: no finally block, no QUIT, no lease release
            await child.WaitForExitAsync();
        }
        await using (var db = await t.DbAsync())
        {
            committedAtKill = await db.ProcessedBounceMails.CountAsync();
            Assert.NotNull((await db.BounceMailboxes.SingleAsync()).LeaseOwner); // the dead run still holds the lease
        }
        Assert.InRange(committedAtKill, 10, Mails - 1);

        Assert.Equal(MailboxPollOutcome.Busy, (await t.PollAsync()).Outcome);
        t.Host.Time.SetUtcNow(DateTimeOffset.UtcNow + MailboxPollLease.Length + TimeSpan.FromMinutes(1));
        var rerun = await t.PollAsync();

        Assert.Equal(MailboxPollOutcome.Completed, rerun.Outcome);
        Assert.Equal(Mails - committedAtKill, rerun.Recorded);
        Assert.Equal(0, t.InMailbox);
        await using var check = await t.DbAsync();
        Assert.Equal(Mails, await check.ProcessedBounceMails.CountAsync());
        Assert.Equal(MailboxTestContext.Expected(files),
            (await check.BounceEvents.ToListAsync()).Select(e => (e.Address, e.Type, e.Reason)).Order().ToList());
    }

    private static Process StartPoll(string provider, MailboxTestContext t)
    {
        var cli = CliBinary.Path;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { cli, "bounce-mailbox", "poll", t.MailboxId.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            psi.ArgumentList.Add(a);
        psi.Environment["Database__Provider"] = provider;
        psi.Environment["Database__ConnectionString"] = t.Host.ConnectionString;
        var process = Process.Start(psi)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForCommitsAsync(MailboxTestContext t, Process child, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(child.HasExited, "the poll process ended before it could be killed mid-run");
            await using var db = await t.DbAsync();
            var count = await db.ProcessedBounceMails.CountAsync();
            if (count >= atLeast) return;
            await Task.Delay(10);
        }
        throw new TimeoutException($"the poll process committed fewer than {atLeast} mails in 60 s");
    }

    /// <summary>Corpus mails that parse, with distinct Message-IDs (a repeated Message-ID is recorded as a duplicate).</summary>
    private static IEnumerable<string> DistinctBounceFiles()
    {
        var parser = new Infrastructure.Bounces.BounceMailParser();
        var seen = new HashSet<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(BounceCorpus.Root, "eml"), "*.eml").Order(StringComparer.Ordinal))
        {
            // Note: an mbox "From " line is left to the parser's own tests; a mail from a mailbox never has one.
            if (File.ReadAllText(path).StartsWith("From ", StringComparison.Ordinal)) continue;
            MimeMessage message;
            try { message = MimeMessage.Load(path); }
            catch (FormatException) { continue; }
            if (message.MessageId is not { } id || !seen.Add(id) || !parser.Parse(message).IsSuccess) continue;
            yield return Path.GetFileName(path);
        }
    }

}
