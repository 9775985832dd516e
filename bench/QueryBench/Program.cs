using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MxPortal.Bench;
using MxPortal.Bench.Queries;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Infrastructure;
using MxPortal.Infrastructure.Bounces.Events;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Dashboard;
using MxPortal.Infrastructure.Data;
using MxPortal.Infrastructure.Deliveries;
using MxPortal.Infrastructure.Quarantine;

// Usage: QueryBench DB_PATH [--regen] [--runs N] [--only TEXT]
// Generates the database when it is missing (or with --regen), then times the portal's own list and dashboard queries.
var path = Path.GetFullPath(args.Length > 0 ? args[0] : "bench/out/queries.db");
var regen = args.Contains("--regen");
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(20);
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var now = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);
const int Events = 1_000_000, Addresses = 200_000, Quarantined = 50_000, PageSize = 50, DeepPage = 999;

if (regen && File.Exists(path)) foreach (var f in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*")) File.Delete(f);
var services = Services(path, now);
if (!File.Exists(path))
{
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    var watch = Stopwatch.StartNew();
    await using (var scope = services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
    long[] deliveries;
    int mailbox;
    await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
    {
        var box = new BounceMailbox { Name = "returns", Host = "127.0.0.1", Port = 110, UserName = "returns" };
        db.BounceMailboxes.Add(box);
        var list = Enumerable.Range(1, 40).Select(i => new Delivery { Name = $"Campaign {i}", FromAddress = "news@sender.example",
            Subject = "News", ReturnPathDomain = "sender.example", CreatedUtc = now.AddDays(-90 + 2 * i) }).ToList();
        db.Deliveries.AddRange(list);
        await db.SaveChangesAsync();
        (deliveries, mailbox) = (list.Select(d => d.Id).ToArray(), box.Id);
    }
    await using (var connection = new SqliteConnection($"Data Source={path}"))
    {
        connection.Open();
        new Generator(connection, now, Events, Addresses, Quarantined).Run(mailbox, deliveries);
        // Note: the nightly maintenance job's "PRAGMA optimize" analyzes a grown database; ANALYZE does it now.
        using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        analyze.ExecuteNonQuery();
    }
    SqliteConnection.ClearAllPools();
    Console.WriteLine($"generated events={Events} addresses={Addresses} quarantine_rows={Quarantined} in {watch.Elapsed.TotalSeconds:0.0} s, {new FileInfo(path).Length / 1048576.0:0} MB");
}
else
{
    // A database generated before a newer migration gets it (an added index, say), then fresh statistics.
    await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
    if (pending.Count > 0)
    {
        await using (var scope = services.CreateAsyncScope()) await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        Console.WriteLine($"applied {string.Join(", ", pending)} and analyzed");
    }
}

var bounces = services.GetRequiredService<BounceLogQuery>();
var quarantine = services.GetRequiredService<QuarantineQuery>();
var dashboard = services.GetRequiredService<DashboardQueries>();
string busiest, rareDomain, busyAddress;
long delivery;
await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
{
    busiest = "gmail.com";
    rareDomain = await db.QuarantineRecords.Where(r => r.Domain.StartsWith("d9")).Select(r => r.Domain).FirstAsync();
    busyAddress = await db.BounceEvents.Where(e => e.Domain == "yahoo.com").Select(e => e.Address).FirstAsync();
    delivery = await db.Deliveries.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
}
var week = (now.Date.AddDays(-7), now.Date.AddDays(1));

var lists = new List<(string Name, Func<int, Task<int>> Run)>();
var jumps = new List<(string Name, Func<int, Task<int>> Run)>();
// Two filters at once (text and domain), printed as their own group; in the summary too.
var combined = new List<(string Name, Func<int, Task<int>> Run)>();
void Log(string name, BounceLogFilter f, bool twoFilters = false)
{
    var (pages, jumped) = twoFilters ? (combined, combined) : (lists, jumps);
    pages.Add(($"bounce_log {name} first_page", async p => (await bounces.PageAsync(f, 0, PageSize)).Items.Count));
    // Page 1,000 as a reader reaches it, moving forward from page 999 (keyset): the cursor is read in the warm-up.
    (bool Read, BounceLogRow? Row) last = (false, null);
    pages.Add(($"bounce_log {name} page_1000", async p =>
    {
        if (!last.Read) last = (true, (await bounces.PageAsync(f, DeepPage - 1, PageSize)).Items.LastOrDefault());
        return last.Row is null ? 0 : (await bounces.PageAsync(f, DeepPage, PageSize, last.Row)).Items.Count;
    }));
    // Page 1,000 jumped to (the pager's last-page button: OFFSET).
    jumped.Add(($"bounce_log {name} jump_1000", async p => (await bounces.PageAsync(f, DeepPage, PageSize)).Items.Count));
}
void Quarantine(string name, QuarantineListFilter f)
{
    lists.Add(($"quarantine {name} first_page", async p => (await quarantine.PageAsync(f, 0, PageSize)).Items.Count));
    lists.Add(($"quarantine {name} page_1000", async p => (await quarantine.PageAsync(f, DeepPage, PageSize)).Items.Count));
}
Log("all", new());
Log("address", new(Address: busyAddress));
Log("domain_gmail", new(Domain: busiest));
Log("domain_small", new(Domain: rareDomain));
Log("type_hard", new(Type: FailureType.Hard));
Log("reason_mailbox_full", new(Reason: FailureReason.MailboxFull));
Log("rule_rate_limited", new(Rule: "rate-limited"));
Log("delivery", new(DeliveryId: delivery));
Log("last_7_days", new(FromUtc: week.Item1, ToUtc: week.Item2));
Log("text_quota", new(Text: "quota"));
Log("text_rare", new(Text: "juliet"));
Log("text_quota_oldest_first", new(Text: "quota", OldestFirst: true));
Log("text_quota_domain_gmail", new(Text: "quota", Domain: busiest), twoFilters: true);
Log("oldest_first", new(OldestFirst: true));
Quarantine("all", new());
Quarantine("address_contains", new(AddressContains: "user12"));
Quarantine("domain_gmail", new(Domain: busiest));
Quarantine("status_quarantine", new(Status: AddressStatus.Quarantine));
Quarantine("reason_user_unknown", new(Reason: FailureReason.UserUnknown));
Quarantine("type_soft", new(Type: FailureType.Soft));
Quarantine("last_7_days", new(FromUtc: week.Item1, ToUtc: week.Item2));
Quarantine("sort_address", new(Sort: QuarantineSort.Address, Descending: false));
Quarantine("sort_last_error", new(Sort: QuarantineSort.LastError));
lists.Add(("address_page", async p => (await quarantine.AddressAsync(busyAddress)).Bounces.Count));

var aggregates = new List<(string Name, Func<int, Task<int>> Run)>
{
    ("dashboard bounces_by_type_30d", async p => (await dashboard.BouncesByTypeAsync(30)).Count),
    ("dashboard bounces_by_reason_30d", async p => (await dashboard.BouncesByReasonAsync(30)).Count),
    ("dashboard quarantine_growth_30d", async p => (await dashboard.QuarantineGrowthAsync(30)).Count),
    ("dashboard domain_rates_30d", async p => (await dashboard.DomainRatesAsync(30, 100)).Count),
    ("dashboard totals_30d", async p => (await dashboard.TotalsAsync(30)).Attempts > 0 ? 1 : 0),
};

var listMax = 0.0;
foreach (var (name, run) in lists) listMax = Math.Max(listMax, await Measure(name, run, runs));
var jumpMax = 0.0;
foreach (var (name, run) in jumps) jumpMax = Math.Max(jumpMax, await Measure(name, run, runs));
var combinedMax = 0.0;
foreach (var (name, run) in combined) combinedMax = Math.Max(combinedMax, await Measure(name, run, runs));
var dashboardMax = 0.0;
foreach (var (name, run) in aggregates) dashboardMax = Math.Max(dashboardMax, await Measure(name, run, Math.Max(5, runs / 2)));
// The qualification page's "create rule from row" preview: a new rule for the generated unqualified texts, first in the
// order, measured over every stored bounce event (printed apart: a preview is one admin action, not a list page).
var qualification = services.GetRequiredService<MxPortal.Infrastructure.Bounces.Qualification.QualificationService>();
var candidate = new BounceRule { Name = "bench-preview", Pattern = @"unexpected answer \d+ from remote host", Type = FailureType.Soft,
    Reason = FailureReason.Refused, Source = BounceRuleSource.Local };
var previewMs = await Measure("rule_preview (1,000,000 events)", async p => (int)(await qualification.PreviewAsync(candidate, 0)).Events, 3);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bounce_log_jump_p95_ms_max={jumpMax:0.0} (page 1,000 jumped to; included below)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two_filters_p95_ms_max={combinedMax:0.0} (text and domain at once; included below)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"list_p95_ms_max={Math.Max(listMax, Math.Max(jumpMax, combinedMax)):0.0} dashboard_ms_max={dashboardMax:0.0} rule_preview_ms={previewMs:0} peak_rss_mb={PeakRssMb():0.0}"));

// Note: --only TEXT times the queries whose name contains TEXT; the others count as 0 in the summary.
Task<double> Measure(string name, Func<int, Task<int>> run, int runs) =>
    only is null || name.Contains(only, StringComparison.Ordinal) ? QueryTiming.MeasureAsync(name, run, runs) : Task.FromResult(0.0);

static double PeakRssMb() => QueryTiming.PeakRssMb();

static ServiceProvider Services(string path, DateTime now)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "Sqlite", ["Database:ConnectionString"] = $"Data Source={path}",
        ["Hangfire:Storage"] = "InMemory", ["Hangfire:Server"] = "false",
    }).Build();
    var services = new ServiceCollection();
    services.AddSingleton<IConfiguration>(configuration);
    services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
    services.AddSingleton<TimeProvider>(new FixedTime(now));
    services.AddMxInfrastructure(configuration);
    return services.BuildServiceProvider();
}

internal sealed class FixedTime(DateTime now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
}
