using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;

namespace MxPortal.Cli.Deliveries;

/// <summary>
/// <c>mxportal deliver import DIR</c>: a delivery from a benchmark workload folder (recipients.txt, message.eml,
/// sender.txt, as ../shared/bench/workload.sh writes it) into the portal's store, ready to run.
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
        var time = provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var delivery = new Delivery
        {
            Name = "workload " + Path.GetFileName(Path.GetFullPath(dir)),
            Status = DeliveryStatus.Running,
            FromAddress = sender,
            Subject = message.Subject ?? "",
            TextBody = message.TextBody ?? "",
            ReturnPathDomain = sender[(sender.IndexOf('@') + 1)..],
            CreatedUtc = time,
            StartedUtc = time,
            CreatedBy = "cli",
        };
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();

        var count = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(Path.Combine(dir, "recipients.txt")))
        {
            var address = line.Trim();
            if (address.Length == 0 || !seen.Add(address)) continue;
            db.DeliveryRecipients.Add(new DeliveryRecipient
            {
                DeliveryId = delivery.Id, Address = address, AddressKey = address.ToLowerInvariant(),
                Domain = address[(address.IndexOf('@') + 1)..].ToLowerInvariant(),
            });
            if (++count % 5000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        await db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Total, count));
        output.WriteLine($$"""{"delivery":{{delivery.Id}},"recipients":{{count}}}""");
        return 0;
    }
}
