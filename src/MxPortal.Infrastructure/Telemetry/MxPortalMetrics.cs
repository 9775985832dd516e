using System.Diagnostics;
using System.Diagnostics.Metrics;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Quarantine;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Bounces.Mailbox;

namespace MxPortal.Infrastructure.Telemetry;

/// <summary>
/// The "MxPortal" meter: what a deliverability team graphs and alerts on (docs/operations-metrics.md). Tags are
/// low-cardinality only: statuses, types, reasons, SMTP stages, MX rule masks and back-off rule names (small,
/// admin-managed sets); never an address or a recipient domain. The sending engine calls it per message, so each call
/// is one Add or Record with a stack-only <see cref="TagList"/> and constant tag values; with no listener (telemetry
/// off, the CLI) the per-message calls return at once. Cost: bench/metrics.sh.
/// </summary>
public sealed class MxPortalMetrics
{
    public const string MeterName = "MxPortal";

    private readonly Counter<long> _attempts;
    private readonly Histogram<double> _sendDuration;
    private readonly Counter<long> _connections;
    private readonly Counter<long> _tlsFallbacks;
    private readonly Counter<long> _suspensions;
    private readonly Counter<long> _breakerOpenings;
    private readonly Counter<long> _qualifications;
    private readonly Counter<long> _bounceMails;
    private readonly Counter<long> _quarantineTransitions;

    public MxPortalMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _attempts = meter.CreateCounter<long>("mxportal.smtp.attempts", "{attempt}",
            "Delivery attempts by outcome (postponed: not tried, its budget or domain was paused).");
        _sendDuration = meter.CreateHistogram<double>("mxportal.smtp.send.duration", "s",
            "Time to send one message over an open SMTP connection (MAIL FROM to the end of DATA).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _connections = meter.CreateCounter<long>("mxportal.smtp.connections", "{connection}",
            "SMTP connections opened, or failed with the stage that failed.");
        _tlsFallbacks = meter.CreateCounter<long>("mxportal.smtp.tls_fallbacks", "{connection}",
            "Connections left in plain text although the server offered STARTTLS.");
        _suspensions = meter.CreateCounter<long>("mxportal.budget.suspensions", "{suspension}",
            "MX budgets suspended by a back-off rule (reply-driven back-off).");
        _breakerOpenings = meter.CreateCounter<long>("mxportal.domain_breaker.openings", "{opening}",
            "Times the domain error breaker stopped sending to a recipient domain.");
        _qualifications = meter.CreateCounter<long>("mxportal.bounce.qualifications", "{bounce}",
            "Bounces qualified, from SMTP replies (sync) and bounce mails (async).");
        _bounceMails = meter.CreateCounter<long>("mxportal.bounce.mails", "{mail}",
            "Mails taken from bounce mailboxes, by what became of them.");
        _quarantineTransitions = meter.CreateCounter<long>("mxportal.quarantine.transitions", "{transition}",
            "Addresses whose quarantine status changed, by new status.");
    }

    /// <summary>One attempt's outcome, with the MX rule whose budget it went under (null before a connection).</summary>
    public void Attempt(AttemptOutcome outcome, string? mxRule)
    {
        // Note: per message; with nobody listening (telemetry off, the CLI) the tags are not even built.
        if (!_attempts.Enabled && !_qualifications.Enabled) return;
        var tags = new TagList { { MetricTags.Status, MetricValues.Of(outcome.Status) } };
        if (mxRule is not null) tags.Add(MetricTags.MxRule, mxRule);
        if (outcome.Qualification is { } q)
        {
            tags.Add(MetricTags.FailureType, MetricValues.Of(q.Type));
            Qualified(q.Type, q.Reason, q.Source, MetricValues.Sync);
        }
        _attempts.Add(1, tags);
    }

    public void SendDuration(TimeSpan elapsed, AttemptStatus status, string mxRule)
    {
        if (_sendDuration.Enabled)
            _sendDuration.Record(elapsed.TotalSeconds, new TagList { { MetricTags.Status, MetricValues.Of(status) }, { MetricTags.MxRule, mxRule } });
    }

    public void ConnectionOpened(string mxRule) =>
        _connections.Add(1, new TagList { { MetricTags.ConnectionResult, "opened" }, { MetricTags.MxRule, mxRule } });

    public void ConnectionFailed(SmtpStage stage, string mxRule) =>
        _connections.Add(1, new TagList { { MetricTags.ConnectionResult, "failed" }, { MetricTags.Stage, MetricValues.Of(stage) }, { MetricTags.MxRule, mxRule } });

    public void TlsFallback(string mxRule) => _tlsFallbacks.Add(1, new TagList { { MetricTags.MxRule, mxRule } });

    public void BudgetSuspended(string mxRule, string backoffRule) =>
        _suspensions.Add(1, new TagList { { MetricTags.MxRule, mxRule }, { MetricTags.BackoffRule, backoffRule } });

    public void DomainBreakerOpened() => _breakerOpenings.Add(1);

    /// <summary>A bounce mail's recipient, qualified (after its transaction committed).</summary>
    public void BounceMailQualified(FailureType type, FailureReason reason, ClassificationSource source) =>
        Qualified(type, reason, source, MetricValues.Async);

    public void BounceMail(ProcessedMailOutcome outcome) =>
        _bounceMails.Add(1, new TagList { { MetricTags.MailResult, MetricValues.Of(outcome) } });

    /// <summary>Results of the quarantine policy, once saved: only status changes count.</summary>
    public void Quarantine(IEnumerable<QuarantineResult> results)
    {
        foreach (var r in results)
            if (r.Outcome == QuarantineOutcome.StatusChanged) QuarantineTransition(r.OldStatus, r.NewStatus);
    }

    private void QuarantineTransition(AddressStatus from, AddressStatus to) =>
        _quarantineTransitions.Add(1, new TagList { { MetricTags.QuarantineStatus, MetricValues.Of(to) }, { MetricTags.PreviousStatus, MetricValues.Of(from) } });

    private void Qualified(FailureType type, FailureReason reason, ClassificationSource source, string origin) =>
        _qualifications.Add(1, new TagList
        {
            { MetricTags.FailureType, MetricValues.Of(type) }, { MetricTags.Reason, MetricValues.Of(reason) },
            { MetricTags.Source, MetricValues.Of(source) }, { MetricTags.Origin, origin },
        });
}
