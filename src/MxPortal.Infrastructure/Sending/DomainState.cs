using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// What the runs of one recipient domain share within an engine run (one run per sending identity): the domain error
/// breaker's verdict. Once it opens, every run of the domain stops and postpones what is left.
/// </summary>
internal sealed class DomainState(string domain, DomainErrorBreaker breaker)
{
    private DateTime? _pausedUntil;

    public DateTime? PausedUntil => _pausedUntil;

    public string Cause => breaker.Cause(domain);

    /// <summary>Counts an attempt's outcome; true when it opened the breaker (or it is open).</summary>
    public bool Record(AttemptOutcome outcome)
    {
        if (outcome.Status == AttemptStatus.Postponed) return _pausedUntil is not null;
        // Note: the breaker answers null when it was already open (another run opened it): then ask when it closes.
        _pausedUntil ??= breaker.Record(domain, failed: outcome.Status != AttemptStatus.Sent) ?? breaker.OpenUntil(domain);
        return _pausedUntil is not null;
    }
}
