using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;

namespace MxPortal.Cli.Deliveries;

/// <summary>
/// <c>mxportal deliver import DIR</c>: a delivery from a benchmark workload folder (recipients.txt, message.eml,
/// sender.txt, as ../shared/bench/workload.sh writes it) into the portal's store, started and ready to run. The
/// same services as the portal: a draft, the streaming recipient import (Doubles skipped), then a start (quarantined
/// and denylisted addresses skipped).
/// </summary>
internal static class ImportWorkloadCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            error.WriteLine("usage: mxportal deliver import DIR [--Database:ConnectionString CS]");
            return 2;
        }
        var dir = args[0];
        await using var provider = CliHost.Build(args[1..]);
        await CliHost.PrepareStoreAsync(provider);

        var sender = (await File.ReadAllTextAsync(Path.Combine(dir, "sender.txt"))).Trim();
        var message = await MimeMessage.LoadAsync(Path.Combine(dir, "message.eml"));
        var deliveries = provider.GetRequiredService<DeliveryService>();
        var draft = await deliveries.SaveDraftAsync(CliActor.Principal, null, new DeliveryDraft
        {
            Name = "workload " + Path.GetFileName(Path.GetFullPath(dir)),
            Settings = new DeliverySettings { SenderAddress = sender, Subject = message.Subject ?? "", TextBody = message.TextBody ?? "" },
        });
        if (!Report(draft, error)) return 1;
        var id = draft.Id!.Value;

        // Note: recipients.txt has no header; one is put in front, so the header is line 1 and addresses start at line 2.
        var path = Path.Combine(dir, "recipients.txt");
        await using var list = new HeaderedStream(Encoding.UTF8.GetBytes("email\n"), File.OpenRead(path));
        var import = await provider.GetRequiredService<RecipientImporter>()
            .ImportAsync(CliActor.Principal, id, list, list.Length, fileName: path);
        if (!import.Applied)
        {
            error.WriteLine(import.Refusal);
            return 1;
        }
        foreach (var issue in import.FirstIssues.Take(10)) error.WriteLine($"line {issue.Line - 1}: {issue.Message}");
        if (!Report(await deliveries.StartAsync(CliActor.Principal, id), error)) return 1;
        output.WriteLine($$"""{"delivery":{{id}},"recipients":{{import.Imported}},"rejected":{{import.Rejected}},"doubles":{{import.Doubles}}}""");
        return 0;
    }

    private static bool Report(DeliveryChange change, TextWriter error)
    {
        foreach (var e in change.Errors) error.WriteLine(e);
        return change.Applied;
    }
}
