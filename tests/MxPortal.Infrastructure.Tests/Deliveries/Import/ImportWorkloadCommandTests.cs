using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Deliveries.Import;

/// <summary><c>mxportal deliver import DIR</c> goes through the portal's importer and start: Doubles and bad lines skipped, started.</summary>
[Collection(DataCollection.Name)]
public sealed class ImportWorkloadCommandTests(PostgresFixture postgres)
{
    [Fact]
    public async Task DeliverImport_LoadsTheWorkloadThroughTheImporter_AndStartsTheDelivery()
    {
        var dir = Directory.CreateTempSubdirectory("mxworkload-").FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "recipients.txt"), "a@one.test\nb@two.test\nA@ONE.TEST\nnot-an-address\n\nc@two.test\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "sender.txt"), "bench@sender.test\n");
        await File.WriteAllTextAsync(Path.Combine(dir, "message.eml"), "From: bench@sender.test\r\nSubject: Bench\r\n\r\nHello\r\n");
        await using var host = await DataTestHost.CreateAsync("Sqlite", postgres);

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CliBinary.Path, "deliver", "import", dir }) psi.ArgumentList.Add(a);
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["Database__ConnectionString"] = host.ConnectionString;
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Directory.Delete(dir, recursive: true);

        Assert.True(process.ExitCode == 0, error);
        Assert.Equal("""{"delivery":1,"recipients":3,"rejected":1,"doubles":1}""", output.Trim());
        Assert.Contains("line 4:", error);
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var delivery = await db.Deliveries.SingleAsync();
        Assert.Equal((DeliveryStatus.Running, 3, "Bench"), (delivery.Status, delivery.Total, delivery.Subject));
        Assert.Equal(["a@one.test", "b@two.test", "c@two.test"], await db.DeliveryRecipients.OrderBy(r => r.Id).Select(r => r.Address).ToListAsync());
    }
}
