using Microsoft.Extensions.DependencyInjection;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Cli.Bounces;

/// <summary>
/// <c>mxportal bounce-mailbox poll ID</c>: one poll of a configured mailbox, outside Hangfire, with the portal's
/// configuration (appsettings.json, <c>Database__*</c> variables or <c>--Database:Provider X</c> arguments).
/// Prints the result as one JSON line; exit code 0 when the poll completed, 1 when it could not (busy, login failed).
/// </summary>
public static class PollMailboxCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 1 || !int.TryParse(args[0], out var mailboxId))
        {
            error.WriteLine("usage: mxportal bounce-mailbox poll ID [--Database:Provider Sqlite|Postgres --Database:ConnectionString CS]");
            return 2;
        }

        await using var provider = CliHost.Build(args[1..]);
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<BounceMailboxPollJob>().RunAsync(mailboxId, CancellationToken.None);

        using var json = new JsonLineWriter(output);
        json.Write(w =>
        {
            w.WriteNumber("mailbox", mailboxId);
            w.WriteString("outcome", result.Outcome.ToString());
            w.WriteNumber("recorded", result.Recorded);
            w.WriteNumber("unparsed", result.Unparsed);
            w.WriteNumber("duplicates", result.Duplicates);
            w.WriteNumber("alreadyRecorded", result.AlreadyRecorded);
            if (result.Error is not null) w.WriteString("error", result.Error);
        });
        return result.Outcome == MailboxPollOutcome.Completed ? 0 : 1;
    }
}
