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

        // Note: streamed: one line at a time, written with one prepared INSERT in transactions of 5000; a repeated
        // address is a Double by the unique index (ON CONFLICT DO NOTHING), so nothing grows with the list.
        var count = await InsertRecipientsAsync(db, delivery.Id, File.ReadLines(Path.Combine(dir, "recipients.txt")));
        await db.Deliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.Total, count));
        output.WriteLine($$"""{"delivery":{{delivery.Id}},"recipients":{{count}}}""");
        return 0;
    }

    private static async Task<int> InsertRecipientsAsync(AppDbContext db, long deliveryId, IEnumerable<string> lines)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO "DeliveryRecipients" ("DeliveryId", "Address", "AddressKey", "Domain", "State", "Attempts")
            VALUES (@p0, @p1, @p2, @p3, 0, 0) ON CONFLICT DO NOTHING
            """;
        var parameters = Enumerable.Range(0, 4).Select(i =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = "@p" + i;
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        parameters[0].Value = deliveryId;
        var count = 0;
        var pending = 0;
        var transaction = await connection.BeginTransactionAsync();
        foreach (var line in lines)
        {
            var address = line.Trim();
            if (address.Length == 0) continue;
            parameters[1].Value = address;
            parameters[2].Value = address.ToLowerInvariant();
            parameters[3].Value = address[(address.IndexOf('@') + 1)..].ToLowerInvariant();
            insert.Transaction = transaction;
            count += await insert.ExecuteNonQueryAsync();
            if (++pending < 5000) continue;
            await transaction.CommitAsync();
            await transaction.DisposeAsync();
            transaction = await connection.BeginTransactionAsync();
            pending = 0;
        }
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        return count;
    }
}
