using System.Diagnostics;
using System.Globalization;

namespace MxPortal.Bench;

/// <summary>Timing shared by the query benchmarks (QueryBench, RecipientListBench, which links this file).</summary>
internal static class QueryTiming
{
    /// <summary>Prints p50/p95 of one query over <paramref name="runs"/> timed runs after two warm-ups; returns the p95 (ms).</summary>
    public static async Task<double> MeasureAsync(string name, Func<int, Task<int>> run, int runs, int nameWidth = 45)
    {
        var rows = 0;
        for (var i = 0; i < 2; i++) rows = await run(i);
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            rows = await run(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        // Note: wall time includes waiting for a core on a shared machine; process CPU time is what the query itself cost.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name.PadRight(nameWidth)} p50_ms={P(times, 0.5),7:0.0} p95_ms={P(times, 0.95),7:0.0} cpu_p50_ms={P(cpu, 0.5),6:0.0} cpu_p95_ms={P(cpu, 0.95),6:0.0} rows={rows}"));
        return P(times, 0.95);
    }

    public static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static double P(List<double> xs, double q)
    {
        xs.Sort();
        return xs[Math.Min(xs.Count - 1, (int)Math.Ceiling(q * xs.Count) - 1)];
    }
}
