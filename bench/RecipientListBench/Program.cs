using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MxPortal.Bench;
using MxPortal.Bench.RecipientList;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Deliveries.Recipients;

// Usage: RecipientListBench DB_PATH [--postgres CONNECTION_STRING] [--regen] [--runs N] [--only TEXT] [--sql] [--no-address-index]
//        [--explain SQL]
// --postgres runs against that PostgreSQL database instead of the SQLite file (seeded there by COPY when it does not hold
// the data set; --regen empties its deliveries first); --only times the queries whose name contains TEXT; --sql logs every
// SQL command (to see the plans' input); --explain prints the plan of a statement (SQLite's, or PostgreSQL's EXPLAIN ANALYZE);
// --no-address-index turns Deliveries:AddressSearchIndex off (the start then drops the trigram index; on builds it again).
// Generates the database when it is missing (or with --regen): a 1,000,000-recipient delivery between two of 100,000;
// then times the recipients page's queries on the large one.
var path = Path.GetFullPath(args.Length > 0 ? args[0] : "bench/out/recipient-list.db");
var regen = args.Contains("--regen");
var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(20);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault() ?? "";
var now = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
const int Large = 1_000_000, Small = 100_000, PageSize = 50, DeepPage = 999;

if (postgres is null && regen && File.Exists(path)) foreach (var f in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(f);
if (args.SkipWhile(a => a != "--explain").Skip(1).FirstOrDefault() is { } explained)
{
    if (postgres is not null)
    {
        await PostgresSeed.ExplainAsync(postgres, explained);
        return;
    }
    // Prints the bundled SQLite's plan for a statement (its planner may differ from the sqlite3 shell's).
    await using var connection = new SqliteConnection($"Data Source={path}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "EXPLAIN QUERY PLAN " + explained;
    using (var reader = command.ExecuteReader())
        while (reader.Read()) Console.WriteLine(reader.GetString(3));
    command.CommandText = explained;
    for (var i = 0; i < 3; i++)
    {
        var watch = Stopwatch.StartNew();
        var n = 0;
        using (var reader = command.ExecuteReader())
            while (reader.Read()) n++;
        Console.WriteLine($"rows={n} ms={watch.Elapsed.TotalMilliseconds:0.0}");
    }
    return;
}
var (provider, connectionString) = postgres is null ? ("Sqlite", $"Data Source={path}") : ("Postgres", postgres);
var services = Services(provider, connectionString, now, args.Contains("--sql"), addressIndex: !args.Contains("--no-address-index"));
if (postgres is null ? !File.Exists(path) : await PostgresNeedsSeedAsync(services, regen))
{
    var watch = Stopwatch.StartNew();
    if (postgres is null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Note: migrated without the address index: the start below builds it once from the generated rows (its triggers
        // would slow the generation as they slow an import).
        await using var plain = Services(provider, connectionString, now, sql: false, addressIndex: false);
        await using var scope = plain.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    }
    List<(long Id, int Count)> deliveries;
    await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
    {
        var list = new[] { Small, Large, Small }.Select((count, i) => new Delivery { Name = $"Campaign {i + 1}", Status = DeliveryStatus.Running,
            FromAddress = "news@sender.example", Subject = "News", ReturnPathDomain = "sender.example", CreatedUtc = now.AddDays(-1), Total = count }).ToList();
        db.Deliveries.AddRange(list);
        await db.SaveChangesAsync();
        deliveries = list.Select(d => (d.Id, d.Total)).ToList();
    }
    var generator = new Generator(now);
    if (postgres is not null) await PostgresSeed.SeedAsync(postgres, generator, deliveries);
    else
    {
        await using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            var number = 0;
            foreach (var (id, count) in deliveries)
            {
                generator.Run(connection, id, count, number);
                number += count;
            }
            using var update = connection.CreateCommand();
            // The counters the engine and the start keep; then what the nightly maintenance job's "PRAGMA optimize" does.
            update.CommandText = Generator.CountersSql + ";\nANALYZE;";
            update.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
    }
    Console.WriteLine(postgres is null
        ? $"generated recipients={Large + 2 * Small} in {watch.Elapsed.TotalSeconds:0.0} s, {new FileInfo(path).Length / 1048576.0:0} MB"
        : $"generated recipients={Large + 2 * Small} in {watch.Elapsed.TotalSeconds:0.0} s (PostgreSQL, COPY)");
}

var startWatch = Stopwatch.StartNew();
await using (var scope = services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
var started = postgres is null ? $"address index {(args.Contains("--no-address-index") ? "off" : "on")}" : "PostgreSQL";
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start (migrations, {started}) s={startWatch.Elapsed.TotalSeconds:0.0}"));
var query = services.GetRequiredService<RecipientListQuery>();
long delivery;
string smallDomain, oneAddress;
await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
{
    delivery = await db.Deliveries.OrderByDescending(d => d.Total).Select(d => d.Id).FirstAsync();
    smallDomain = await db.DeliveryRecipients.Where(r => r.DeliveryId == delivery && r.Domain.StartsWith("d9")).OrderBy(r => r.Domain).Select(r => r.Domain).FirstAsync();
    oneAddress = await db.DeliveryRecipients.Where(r => r.DeliveryId == delivery).OrderByDescending(r => r.Id).Skip(123_456).Select(r => r.AddressKey).FirstAsync();
}

var lists = new List<(string Name, Func<Task<int>> Run)>();
var jumps = new List<(string Name, Func<Task<int>> Run)>();
void Filter(string name, RecipientListFilter f)
{
    lists.Add(($"{name} first_page", async () => (await query.PageAsync(delivery, f, 0, PageSize)).Items.Count));
    // Page 1,000 as a reader reaches it, moving forward from page 999 (keyset): the cursor is read in the warm-up.
    (bool Read, RecipientListRow? Row) last = (false, null);
    lists.Add(($"{name} page_1000", async () =>
    {
        if (!last.Read) last = (true, (await query.PageAsync(delivery, f, DeepPage - 1, PageSize)).Items.LastOrDefault());
        return last.Row is null ? 0 : (await query.PageAsync(delivery, f, DeepPage, PageSize, last.Row)).Items.Count;
    }));
    // Page 1,000 jumped to (the pager's last-page button: OFFSET).
    jumps.Add(($"{name} jump_1000", async () => (await query.PageAsync(delivery, f, DeepPage, PageSize)).Items.Count));
}
Filter("all", new());
foreach (var state in Enum.GetValues<RecipientState>()) Filter($"state_{state.ToString().ToLowerInvariant()}", new(State: state));
Filter("domain_gmail", new(Domain: "gmail.com"));
Filter("domain_yahoo", new(Domain: "Yahoo.com"));
Filter("domain_small", new(Domain: smallDomain));
Filter("contains_common", new(AddressContains: "user1"));
Filter("contains_domain", new(AddressContains: "@yahoo"));
Filter("contains_one_address", new(AddressContains: oneAddress));
Filter("contains_none", new(AddressContains: "alice"));
Filter("type_soft", new(FailureType: FailureType.Soft));
Filter("type_hard", new(FailureType: FailureType.Hard));
Filter("reason_user_unknown", new(FailureReason: FailureReason.UserUnknown));
Filter("reason_mailbox_full", new(FailureReason: FailureReason.MailboxFull));
Filter("reason_quarantine", new(FailureReason: FailureReason.AddressInQuarantine));
Filter("yahoo_deferred", new(State: RecipientState.Deferred, Domain: "yahoo.com"));
Filter("gmail_failed_user_unknown", new(State: RecipientState.Failed, Domain: "gmail.com", FailureReason: FailureReason.UserUnknown));
Filter("gmail_user_unknown", new(Domain: "gmail.com", FailureReason: FailureReason.UserUnknown));
Filter("sent_domain_small", new(State: RecipientState.Sent, Domain: smallDomain));
Filter("soft_mailbox_full", new(FailureType: FailureType.Soft, FailureReason: FailureReason.MailboxFull));
Filter("pending_gmail", new(State: RecipientState.Pending, Domain: "gmail.com"));

Console.WriteLine($"provider={provider} delivery={delivery} recipients={Large} load_average={File.ReadAllText("/proc/loadavg").Trim()}");
var listMax = 0.0;
var slowest = "";
foreach (var (name, run) in lists.Where(l => l.Name.Contains(only, StringComparison.Ordinal)))
{
    var p95 = await Measure(name, run, runs);
    if (p95 > listMax) (listMax, slowest) = (p95, name);
}
var jumpMax = 0.0;
foreach (var (name, run) in jumps.Where(l => l.Name.Contains(only, StringComparison.Ordinal))) jumpMax = Math.Max(jumpMax, await Measure(name, run, Math.Max(5, runs / 2)));
var chips = await Measure("state_counts", async () => (await query.StateCountsAsync(delivery)).Count, runs);
var export = Stopwatch.StartNew();
var exported = 0;
await foreach (var _ in query.StreamAsync(delivery, new(Domain: "yahoo.com"))) exported++;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"export domain_yahoo rows={exported} s={export.Elapsed.TotalSeconds:0.00} rows_per_s={exported / export.Elapsed.TotalSeconds:0}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jump_p95_ms_max={jumpMax:0.0} (OFFSET, not in list_p95_ms_max)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"list_p95_ms_max={listMax:0.0} ({slowest}) state_counts_p95_ms={chips:0.0} peak_rss_mb={PeakRssMb():0.0} load_average={File.ReadAllText("/proc/loadavg").Trim()}"));

// Prints p50/p95 of one query over `runs` timed runs after two warm-ups; returns the p95 (ms).
static Task<double> Measure(string name, Func<Task<int>> run, int runs) => QueryTiming.MeasureAsync(name, _ => run(), runs, nameWidth: 40);

static double PeakRssMb() => QueryTiming.PeakRssMb();

// PostgreSQL: migrates the database, and says whether it must be seeded (it does not hold exactly the data set, or --regen);
// if so, empties its deliveries (and, by cascade, their recipients) first.
static async Task<bool> PostgresNeedsSeedAsync(ServiceProvider services, bool regen)
{
    await using (var scope = services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    var seeded = await db.DeliveryRecipients.CountAsync() == Large + 2 * Small && await db.Deliveries.CountAsync(d => d.Total == Large) == 1;
    if (seeded && !regen) return false;
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
    await db.Database.ExecuteSqlRawAsync("TRUNCATE \"Deliveries\" RESTART IDENTITY CASCADE");
    return true;
}

static ServiceProvider Services(string provider, string connectionString, DateTime now, bool sql, bool addressIndex)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = provider, ["Database:ConnectionString"] = connectionString,
        ["Hangfire:Storage"] = "InMemory", ["Hangfire:Server"] = "false",
        ["Deliveries:AddressSearchIndex"] = addressIndex ? "true" : "false",
    }).Build();
    var services = new ServiceCollection();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole()
        .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", sql ? LogLevel.Information : LogLevel.Warning));
    services.AddSingleton<TimeProvider>(new FixedTime(now));
    services.AddMxInfrastructure(configuration);
    return services.BuildServiceProvider();
}

internal sealed class FixedTime(DateTime now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
}
