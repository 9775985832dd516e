using System.ComponentModel.DataAnnotations;

namespace MxPortal.Domain.Sending;

/// <summary>The domain error breaker of DOMAIN.md §2 (configuration section <c>Sending:DomainBreaker</c>).</summary>
public sealed class DomainBreakerOptions
{
    /// <summary>Attempts to one domain within <see cref="Window"/> before the breaker may open. Default 300.</summary>
    [Range(1, 1_000_000)]
    public int MinimumAttempts { get; set; } = 300;

    /// <summary>Share of failed attempts that opens the breaker. Default 0.9.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.9;

    /// <summary>How far back attempts are counted. Default 1 hour.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long sending to the domain stops once the breaker opens. Default 3 hours.</summary>
    public TimeSpan Pause { get; set; } = TimeSpan.FromHours(3);
}
