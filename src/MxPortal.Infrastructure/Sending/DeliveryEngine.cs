using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Routing;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// Sends a batch of messages as fast as the MX rules allow and never faster: recipients are grouped by domain, each
/// domain resolved once, and each domain's messages go out over connection lanes that draw on the shared
/// <see cref="IBudgetLedger"/> (connections, messages per connection, messages per slice). Every attempt ends in
/// exactly one <see cref="AttemptRecord"/> passed to the caller, which persists it (called concurrently).
/// </summary>
public sealed class DeliveryEngine(
    IMxResolver resolver,
    IBudgetLedger ledger,
    TimeProvider time,
    IOptions<DeliveryEngineOptions> options,
    ILogger<DeliveryEngine> logger)
{
    public async Task RunAsync(SendingPlan plan, IReadOnlyList<OutgoingMessage> batch,
        Func<AttemptRecord, ValueTask> record, CancellationToken ct)
    {
        var selector = new IdentitySelector(plan.Identities);
        using var domains = new SemaphoreSlim(options.Value.DomainConcurrency);
        var runs = batch.GroupBy(m => m.Domain).Select(async group =>
        {
            await domains.WaitAsync(ct);
            try { await SendDomainAsync(plan, selector, group.Key, group.ToList(), record, ct); }
            finally { domains.Release(); }
        }).ToList();
        await Task.WhenAll(runs);
    }

    private async Task SendDomainAsync(SendingPlan plan, IdentitySelector selector, string domain,
        List<OutgoingMessage> messages, Func<AttemptRecord, ValueTask> record, CancellationToken ct)
    {
        var resolution = await resolver.ResolveAsync(domain, ct);
        if (!resolution.IsSuccess)
        {
            var outcome = ResolutionOutcome(resolution);
            foreach (var m in messages) await record(new AttemptRecord(m, outcome, Now));
            return;
        }
        // Note: one identity per domain and batch keeps a domain's lanes on one budget; weights spread across batches.
        var identity = selector.Pick(domain, Random.Shared);
        if (identity is null)
        {
            var none = AttemptOutcome.From(new SmtpFailure(SmtpStage.Connect, 0, $"no enabled sending identity may send to {domain}"), plan.Classifier);
            foreach (var m in messages) await record(new AttemptRecord(m, none, Now));
            return;
        }
        var run = new DomainRun(plan, identity, resolution.Hosts, messages, ledger, time, options.Value, record, logger);
        await run.RunAsync(ct);
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
