// Bounce throughput: parse + classify, single thread, the corpus repeated to at least N mails.
// Usage: BounceBench EML_DIR [MIN_MAILS]. Prints mails_per_s=… peak_rss_mb=…
// mails_per_s is mails per CPU second of the thread doing the work (workstation GC, not
// concurrent, so collections run on that thread too): one core's rate even on a shared machine.
// The wall-clock rate is printed too.
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

// Warm-up, so that the figure is the steady state of a long-running poller: tiered JIT needs a
// few thousand calls and a moment to promote hot methods, and regex automata are built lazily.
for (var pass = 0; pass < 10; pass++)
{
    Run(mails, 1);
    Thread.Sleep(100);
}

var cpuBefore = ThreadCpuSeconds();
var stopwatch = Stopwatch.StartNew();
var (count, recipients) = Run(mails, rounds);
stopwatch.Stop();
var cpu = ThreadCpuSeconds() - cpuBefore;

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

// utime + stime of the calling thread from /proc (Linux), in clock ticks of 1/100 s.
static double ThreadCpuSeconds()
{
    var stat = File.ReadAllText("/proc/thread-self/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
        + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
}

// VmHWM is the peak resident set size of this process (Linux).
static double PeakRssMb()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    var kb = line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    return kb / 1024;
}
