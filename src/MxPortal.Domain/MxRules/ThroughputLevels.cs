namespace MxPortal.Domain.MxRules;

/// <summary>
/// The factor table of the throughput levels: data, published with the rules, not constants in code.
/// A factor scales messages per hour and maximum connections (rounded down, at least 1); messages per
/// connection are never scaled. <see cref="ThroughputLevel.Custom"/> is always 1: rules as written.
/// </summary>
public sealed class ThroughputLevels
{
    private readonly Dictionary<ThroughputLevel, decimal> _factors;

    private ThroughputLevels(Dictionary<ThroughputLevel, decimal> factors) => _factors = factors;

    /// <summary>MxPortal's defaults (DOMAIN.md §3): Slow 0.25, Normal 1, Fast 1.5, Very Fast 2, Boost 3.</summary>
    public static ThroughputLevels Default { get; } = Create(new Dictionary<ThroughputLevel, decimal>
    {
        [ThroughputLevel.Slow] = 0.25m,
        [ThroughputLevel.Normal] = 1m,
        [ThroughputLevel.Fast] = 1.5m,
        [ThroughputLevel.VeryFast] = 2m,
        [ThroughputLevel.Boost] = 3m,
        [ThroughputLevel.Custom] = 1m,
    });

    public IReadOnlyDictionary<ThroughputLevel, decimal> Factors => _factors;

    /// <summary>Every problem with a factor table; empty when it can be used.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<ThroughputLevel, decimal> factors)
    {
        var errors = new List<string>();
        foreach (var level in Enum.GetValues<ThroughputLevel>())
        {
            if (!factors.TryGetValue(level, out var f)) errors.Add($"Throughput level {level}: the factor is missing.");
            else if (f <= 0 || f > 100) errors.Add($"Throughput level {level}: the factor must be above 0 and at most 100 (was {f}).");
            else if (level == ThroughputLevel.Custom && f != 1) errors.Add($"Throughput level Custom: the factor must be 1, rules as written (was {f}).");
        }
        foreach (var level in factors.Keys)
            if (!Enum.IsDefined(level)) errors.Add($"Throughput level {(int)level} does not exist.");
        return errors;
    }

    /// <exception cref="DomainException">The table is invalid; use <see cref="Validate"/> for untrusted data.</exception>
    public static ThroughputLevels Create(IReadOnlyDictionary<ThroughputLevel, decimal> factors)
    {
        var errors = Validate(factors);
        if (errors.Count > 0) throw new DomainException(string.Join(" ", errors));
        return new ThroughputLevels(new Dictionary<ThroughputLevel, decimal>(factors));
    }

    public decimal Factor(ThroughputLevel level) => _factors[level];

    /// <summary>A Normal-level limit at <paramref name="level"/>: rounded down, never below 1.</summary>
    public int Scale(int normalValue, ThroughputLevel level) =>
        (int)Math.Max(1m, Math.Min(int.MaxValue, Math.Floor(normalValue * _factors[level])));
}
