using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Routing;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// Sends a batch of messages as fast as the MX rules allow and never faster: recipients are grouped by domain, each
/// domain resolved once, each message given a sending identity (weights, include/exclude masks), and each
/// (domain, identity) group sent over connection lanes that draw on the shared <see cref="IBudgetLedger"/>
/// (connections, messages per connection, messages per slice). A domain stopped by the <see cref="DomainErrorBreaker"/>
/// is not tried: its recipients are postponed until the breaker closes. Every message ends in exactly one
/// <see cref="AttemptRecord"/> passed to the caller, which persists it (called concurrently).
/// </summary>
public sealed class DeliveryEngine(
    IMxResolver resolver,
    IBudgetLedger ledger,
    DomainErrorBreaker breaker,
    TimeProvider time,
    IOptions<DeliveryEngineOptions> options,
    MxPortalMetrics metrics,
    ILogger<DeliveryEngine> logger)
{
    private readonly ISmtpTransport _transport = SmtpTransports.For(options.Value.TransportKind);

    public async Task RunAsync(SendingPlan plan, IReadOnlyList<OutgoingMessage> batch,
        Func<AttemptRecord, ValueTask> record, CancellationToken ct)
    {
        var selector = new IdentitySelector(plan.Identities);
        // Every outcome of the run passes here, wherever it was decided: one place to count attempts.
        ValueTask Counted(AttemptRecord r)
        {
            metrics.Attempt(r.Outcome, r.Budget?.RuleMask);
            return record(r);
        }
        using var domains = new SemaphoreSlim(options.Value.DomainConcurrency);
        var runs = batch.GroupBy(m => m.Domain).Select(async group =>
        {
            await domains.WaitAsync(ct);
            try { await SendDomainAsync(plan, selector, group.Key, group.ToList(), Counted, ct); }
            finally { domains.Release(); }
        }).ToList();
        await Task.WhenAll(runs);
    }

    private async Task SendDomainAsync(SendingPlan plan, IdentitySelector selector, string domain,
        List<OutgoingMessage> messages, Func<AttemptRecord, ValueTask> record, CancellationToken ct)
    {
        if (breaker.OpenUntil(domain) is { } paused)
        {
            var postponed = AttemptOutcome.Postponed(paused, breaker.Cause(domain));
            foreach (var m in messages) await record(new AttemptRecord(m, postponed, Now));
            return;
        }
        var resolution = await resolver.ResolveAsync(domain, ct);
        if (!resolution.IsSuccess)
        {
            var outcome = ResolutionOutcome(resolution);
            foreach (var m in messages) await record(new AttemptRecord(m, outcome, Now));
            return;
        }
        // Each message draws its identity by weight; a group per identity keeps each lane on one identity's budget.
        var groups = new Dictionary<int, (SendingIdentity Identity, List<OutgoingMessage> Messages)>();
        List<OutgoingMessage>? unroutable = null;
        foreach (var m in messages)
        {
            if (selector.Pick(domain, Random.Shared) is not { } identity)
            {
                (unroutable ??= []).Add(m);
                continue;
            }
            if (!groups.TryGetValue(identity.PublicId, out var group)) groups[identity.PublicId] = group = (identity, []);
            group.Messages.Add(m);
        }
        if (unroutable is not null)
        {
            var none = AttemptOutcome.From(new SmtpFailure(SmtpStage.Connect, 0, $"no enabled sending identity may send to {domain}"), plan.Classifier);
            foreach (var m in unroutable) await record(new AttemptRecord(m, none, Now));
        }
        var shared = new DomainState(domain, breaker, metrics);
        await Task.WhenAll(groups.Values.Select(g =>
            new DomainRun(plan, g.Identity, resolution.Hosts, g.Messages, shared, ledger, time, options.Value, _transport, record, metrics, logger).RunAsync(ct)));
    }

    /// <summary>DOMAIN.md §4: null MX is Hard / Invalid domain, NXDOMAIN Soft / Invalid domain, DNS trouble Soft / Unreachable.</summary>
    private static AttemptOutcome ResolutionOutcome(MxResolution resolution)
    {
        var (type, reason) = resolution.Failure switch
        {
            MxFailure.NullMx => (FailureType.Hard, FailureReason.InvalidDomain),
            MxFailure.InvalidDomain => (FailureType.Soft, FailureReason.InvalidDomain),
            _ => (FailureType.Soft, FailureReason.Unreachable),
        };
        var text = $"{resolution.Domain}: {resolution.Message}";
        return new AttemptOutcome(type == FailureType.Hard ? AttemptStatus.Failed : AttemptStatus.Deferred, text, SmtpStage.Connect,
            BounceClassification.FromReport(type, reason, "MX resolution: " + resolution.Failure));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
