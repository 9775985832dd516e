// Bounce throughput: parse + classify, single thread, the corpus repeated to at least N mails.
// Usage: BounceBench EML_DIR [MIN_MAILS]. Prints mails_per_s=… peak_rss_mb=…
// mails_per_s is mails per CPU second of this process (one thread does the work; background GC
// is off), so it measures one core even when the machine is shared; the wall-clock rate is
// printed too.
using System.Diagnostics;
using MxPortal.Domain.Bounces;
using MxPortal.Infrastructure.Bounces;

var dir = args.Length > 0 ? args[0] : throw new ArgumentException("usage: BounceBench EML_DIR [MIN_MAILS]");
var minMails = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;

// Note: files are read once up front so that the figure is parsing and classifying, not disk I/O.
var mails = Directory.GetFiles(dir, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
var rounds = (minMails + mails.Length - 1) / mails.Length;
var parser = new BounceMailParser();
var classifier = new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create()));

Run(mails, 1); // warm-up: JIT and the lazily built regex automata
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
var (count, recipients) = Run(mails, rounds);
stopwatch.Stop();
process.Refresh();
var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;

Console.WriteLine($"mails={count} recipients={recipients} wall_s={stopwatch.Elapsed.TotalSeconds:F2} cpu_s={cpu:F2} " +
    $"wall_mails_per_s={count / stopwatch.Elapsed.TotalSeconds:F0}");
Console.WriteLine($"mails_per_s={count / cpu:F0} peak_rss_mb={PeakRssMb():F1}");

(int Mails, int Recipients) Run(byte[][] corpus, int times)
{
    int n = 0, r = 0;
    for (var round = 0; round < times; round++)
    {
        foreach (var bytes in corpus)
        {
            n++;
            if (parser.Parse(new MemoryStream(bytes, writable: false)).Report is not { } report)
            {
                continue;
            }

            foreach (var recipient in report.Recipients)
            {
                _ = classifier.Classify(recipient, report.Kind);
                r++;
            }
        }
    }

    return (n, r);
}

// VmHWM is the peak resident set size of this process (Linux).
static double PeakRssMb()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    var kb = line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    return kb / 1024;
}
