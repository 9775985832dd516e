using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MxPortal.Bench.Recipients;
using MxPortal.Domain.Access;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Import;

// Imports a generated recipient CSV of N rows (default 1,000,000; 1 in 1,000 with a bad address, 1 in 500 with a
// quoted field over two lines) into a draft delivery of a fresh store (SQLite in a temp folder unless
// --Database:Provider/--Database:ConnectionString say otherwise) through RecipientImporter, the portal's and the
// CLI's import. The CSV is produced as it is read, so the figures are the importer's. The last line is the summary.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var dir = Directory.CreateTempSubdirectory("mximport-").FullName;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = "Sqlite",
    ["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "app.db")}",
    ["Hangfire:Storage"] = "InMemory",
    ["Hangfire:Server"] = "false",
}).AddCommandLine(args.Skip(1).ToArray()).Build();
var services = new ServiceCollection();
services.AddSingleton<IConfiguration>(configuration);
services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
services.AddMxInfrastructure(configuration);
await using (var provider = services.BuildServiceProvider())
{
    await using (var scope = provider.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    var actor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, Roles.Operator)], "bench"));
    var draft = await provider.GetRequiredService<DeliveryService>().SaveDraftAsync(actor, null, new DeliveryDraft
    {
        Name = "import bench",
        Settings = new DeliverySettings { SenderAddress = "bench@sender.test", Subject = "Hello {{FirstName}}", TextBody = "From {{City}}" },
    });
    var source = new GeneratedCsvStream(rows);
    var batches = 0;
    var clock = Stopwatch.StartNew();
    var result = await provider.GetRequiredService<RecipientImporter>()
        .ImportAsync(actor, draft.Id!.Value, source, null, new Progress<RecipientImportProgress>(_ => Interlocked.Increment(ref batches)));
    var seconds = clock.Elapsed.TotalSeconds;
    var read = result.Imported + result.Rejected + result.Doubles;
    var inv = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(inv, $"provider={configuration["Database:Provider"]} bytes={source.BytesProduced} imported={result.Imported} rejected={result.Rejected} doubles={result.Doubles} wall_s={seconds:F2} gc0={GC.CollectionCount(0)} gc2={GC.CollectionCount(2)}"));
    Console.WriteLine(string.Create(inv, $"rows={read} rows_per_s={read / seconds:F0} peak_rss_mb={PeakRssMb():F1}"));
}
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(dir, recursive: true);

// VmHWM: the resident set's high-water mark, the figure the issue's memory target (< 500 MB) is about.
static double PeakRssMb() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).First();
