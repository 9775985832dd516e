using System.Collections.Concurrent;

namespace MxPortal.Domain.Sending;

/// <summary>
/// Stops sending to a recipient domain for <see cref="DomainBreakerOptions.Pause"/> when at least
/// <see cref="DomainBreakerOptions.MinimumAttempts"/> attempts were made in the window and the failed share reached
/// <see cref="DomainBreakerOptions.FailureRatio"/> (DOMAIN.md §2). Attempts are counted per minute, so memory per
/// domain is bounded by the window, not by traffic. Thread-safe.
/// </summary>
public sealed class DomainErrorBreaker(DomainBreakerOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DomainWindow> _domains = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records an attempt's outcome; returns the time sending resumes when this attempt opened the breaker.</summary>
    public DateTime? Record(string domain, bool failed)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var w = _domains.GetOrAdd(domain, _ => new DomainWindow());
        lock (w)
        {
            if (w.OpenUntilUtc is { } until && until > now) return null;
            w.Add(now, failed, options.Window);
            var (attempts, failures) = w.Totals(now, options.Window);
            if (attempts < options.MinimumAttempts || failures < options.FailureRatio * attempts) return null;
            w.OpenUntilUtc = now + options.Pause;
            w.Clear(); // after the pause the domain starts a fresh window
            return w.OpenUntilUtc;
        }
    }

    /// <summary>When sending to <paramref name="domain"/> may resume, or null when it may send now.</summary>
    public DateTime? OpenUntil(string domain)
    {
        if (!_domains.TryGetValue(domain, out var w)) return null;
        lock (w) return w.OpenUntilUtc is { } until && until > time.GetUtcNow().UtcDateTime ? until : null;
    }

    /// <summary>Why sending to the domain stopped, in words for the portal and the delivery log.</summary>
    public string Cause(string domain) => FormattableString.Invariant(
        $"domain error breaker: {options.FailureRatio * 100:0.#}% or more of at least {options.MinimumAttempts} attempts to {domain} within {options.Window.TotalMinutes:0} min failed; sending to it paused for {options.Pause.TotalMinutes:0} min");

    /// <summary>Domains whose breaker is open now, for the portal.</summary>
    public IReadOnlyList<(string Domain, DateTime UntilUtc)> Open()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = new List<(string, DateTime)>();
        foreach (var (domain, w) in _domains)
            lock (w)
                if (w.OpenUntilUtc is { } until && until > now) open.Add((domain, until));
        return open;
    }

    private sealed class DomainWindow
    {
        private readonly List<(long Minute, int Attempts, int Failures)> _minutes = [];

        public DateTime? OpenUntilUtc { get; set; }

        public void Add(DateTime now, bool failed, TimeSpan window)
        {
            var minute = now.Ticks / TimeSpan.TicksPerMinute;
            Expire(minute, window);
            if (_minutes.Count > 0 && _minutes[^1].Minute == minute)
            {
                var last = _minutes[^1];
                _minutes[^1] = (minute, last.Attempts + 1, last.Failures + (failed ? 1 : 0));
            }
            else
            {
                _minutes.Add((minute, 1, failed ? 1 : 0));
            }
        }

        public (int Attempts, int Failures) Totals(DateTime now, TimeSpan window)
        {
            Expire(now.Ticks / TimeSpan.TicksPerMinute, window);
            int attempts = 0, failures = 0;
            foreach (var m in _minutes) { attempts += m.Attempts; failures += m.Failures; }
            return (attempts, failures);
        }

        public void Clear() => _minutes.Clear();

        private void Expire(long minute, TimeSpan window)
        {
            var oldest = minute - (long)window.TotalMinutes;
            var expired = 0;
            while (expired < _minutes.Count && _minutes[expired].Minute <= oldest) expired++;
            _minutes.RemoveRange(0, expired);
        }
    }
}
