namespace MxPortal.Bench.Queries;

/// <summary>Realistic skew: a few mailbox providers carry most addresses, then a Zipf-like tail of small domains.</summary>
internal sealed class Skew(Random random)
{
    private static readonly (string Domain, double Share)[] Providers =
    [
        ("gmail.com", 0.30), ("yahoo.com", 0.12), ("outlook.com", 0.09), ("hotmail.com", 0.07),
        ("aol.com", 0.03), ("icloud.com", 0.03), ("orange.fr", 0.02), ("web.de", 0.02),
    ];

    private readonly double[] _tail = Tail(10_000);

    public Random Random => random;

    public string Domain()
    {
        var u = random.NextDouble();
        foreach (var (domain, share) in Providers)
        {
            if (u < share) return domain;
            u -= share;
        }
        var i = Array.BinarySearch(_tail, random.NextDouble());
        return $"d{(i < 0 ? ~i : i)}.example";
    }

    /// <summary>An index in [0, n) where low indexes come up far more often (a power law).</summary>
    public int Index(int n, double power = 2.0) => Math.Min(n - 1, (int)(n * Math.Pow(random.NextDouble(), power)));

    public T Pick<T>((T Value, double Weight)[] weighted)
    {
        var u = random.NextDouble() * weighted.Sum(w => w.Weight);
        foreach (var (value, weight) in weighted)
        {
            if (u < weight) return value;
            u -= weight;
        }
        return weighted[^1].Value;
    }

    // Cumulative Zipf (s = 1.1) over the tail domains.
    private static double[] Tail(int n)
    {
        var w = Enumerable.Range(1, n).Select(k => 1 / Math.Pow(k, 1.1)).ToArray();
        var total = w.Sum();
        var cumulative = new double[n];
        double sum = 0;
        for (var i = 0; i < n; i++) cumulative[i] = sum += w[i] / total;
        return cumulative;
    }
}
