using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// What the runs of one recipient domain share within an engine run (one run per sending identity): the domain error
/// breaker's verdict. Once it opens, every run of the domain stops and postpones what is left.
/// </summary>
internal sealed class DomainState(string domain, DomainErrorBreaker breaker, MxPortalMetrics metrics)
{
    private DateTime? _pausedUntil;

    public DateTime? PausedUntil => _pausedUntil;

    public string Cause => breaker.Cause(domain);

    /// <summary>Counts an attempt's outcome; true when it opened the breaker (or it is open).</summary>
    public bool Record(AttemptOutcome outcome)
    {
        if (outcome.Status == AttemptStatus.Postponed) return _pausedUntil is not null;
        if (_pausedUntil is not null) return true;
        if (breaker.Record(domain, failed: outcome.Status != AttemptStatus.Sent) is { } opened)
        {
            metrics.DomainBreakerOpened(); // counted by the run that opened it, once
            _pausedUntil = opened;
        }
        // Note: the breaker answers null when it was already open (another run opened it): then ask when it closes.
        else _pausedUntil = breaker.OpenUntil(domain);
        return _pausedUntil is not null;
    }
}
