using System.Diagnostics;
using System.Globalization;
using MxPortal.Bench.Recipients;
using MxPortal.Domain.Sending.Templates;
using MxPortal.Infrastructure.Sending.Recipients;

// Reads a generated CSV of N rows (default 1,000,000) through RecipientCsvReader, rendering a message template for
// every 10th recipient so the template path is exercised too, then times rendering alone; the last line is the summary.
var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var template = MessageTemplate.Compile("Hello {{FirstName}}", "<p>Dear {{ firstname }} from {{City}}</p>", "Dear {{FirstName}}");

var source = new GeneratedCsvStream(rows);
var clock = Stopwatch.StartNew();
long recipients = 0, errors = 0, rendered = 0, chars = 0;
using (var reader = RecipientCsvReader.Open(source))
{
    if (reader.HeaderError is { } headerError) throw new InvalidOperationException(headerError.ToString());
    foreach (var row in reader.ReadRows())
    {
        if (row.Recipient is not { } r) { errors++; continue; }
        if (++recipients % 10 == 0)
        {
            var message = template.Render(r.Fields);
            chars += message.Html!.Length;
            rendered++;
        }
    }
}
var seconds = clock.Elapsed.TotalSeconds;

var read = recipients + errors;

// Rendering alone: one recipient's fields, 200,000 renders of the three parts after a warm-up.
var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["FirstName"] = "Zoë <Z>", ["City"] = "Lyon" };
for (var i = 0; i < 10_000; i++) template.Render(fields);
const int Renders = 200_000;
var renderClock = Stopwatch.StartNew();
for (var i = 0; i < Renders; i++) chars += template.Render(fields).Subject.Length;
var renderSeconds = renderClock.Elapsed.TotalSeconds;
var inv = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(inv, $"bytes={source.BytesProduced} recipients={recipients} errors={errors} rendered={rendered} wall_s={seconds:F2} renders_per_s={Renders / renderSeconds:F0} gc0={GC.CollectionCount(0)} gc2={GC.CollectionCount(2)}"));
Console.WriteLine(string.Create(inv, $"rows={read} rows_per_s={read / seconds:F0} peak_rss_mb={PeakRssMb():F1}"));

// VmHWM: the resident set's high-water mark, the figure the memory target is about.
static double PeakRssMb() =>
    File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).First();
