using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Telemetry;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// One domain's messages for one sending identity in one engine run. Lanes (at most the budget's connection limit)
/// take messages from a shared queue; each lane holds one connection at a time and reconnects after the rule's
/// messages per connection. Every outcome feeds the domain error breaker; once it opens, the rest is postponed.
/// </summary>
internal sealed class DomainRun(
    SendingPlan plan,
    SendingIdentity identity,
    IReadOnlyList<MxHost> hosts,
    IReadOnlyCollection<OutgoingMessage> messages,
    DomainState domain,
    IBudgetLedger ledger,
    TimeProvider time,
    DeliveryEngineOptions options,
    ISmtpTransport transport,
    Func<AttemptRecord, ValueTask> record,
    MxPortalMetrics metrics,
    ILogger logger)
{
    private readonly ConcurrentQueue<OutgoingMessage> _queue = new(messages);
    private SmtpFailure? _allHostsFailed;
    private DateTime? _postponeUntil;
    private string? _postponeCause;

    private TimeSpan MaxWait => TimeSpan.FromSeconds(options.MaxWaitSeconds);

    public async Task RunAsync(CancellationToken ct)
    {
        var primary = Budget(hosts[0], hosts[0].Addresses[0]);
        var lanes = Math.Max(1, Math.Min(messages.Count, primary.MaxConnections));
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => RunLaneAsync(ct)));
    }

    private async Task RunLaneAsync(CancellationToken ct)
    {
        OutgoingMessage? held = null;
        while (held is not null || !_queue.IsEmpty)
        {
            if (_allHostsFailed is { } down)
            {
                // Every MX host of the domain failed: what is left is Soft / Unreachable, retried later (DOMAIN.md §4).
                await DrainAsync(held, AllHostsFailed(down));
                return;
            }
            if (domain.PausedUntil is { } paused)
            {
                await DrainAsync(held, AttemptOutcome.Postponed(paused, domain.Cause));
                return;
            }
            if (_postponeUntil is { } until)
            {
                await DrainAsync(held, AttemptOutcome.Postponed(until, _postponeCause ?? "budget closed"));
                return;
            }
            var lane = await ConnectAsync(ct);
            if (lane is null) continue;
            var (connection, budget) = lane.Value;
            try
            {
                held = await SendOverAsync(connection, budget, held, ct);
            }
            finally
            {
                await connection.DisposeAsync();
                ledger.CloseConnection(budget.Key);
            }
        }
    }

    /// <summary>Sends until the connection's share is done, the queue is empty or the budget says wait; returns a message not yet sent.</summary>
    private async Task<OutgoingMessage?> SendOverAsync(ISmtpConnection connection, MxBudget budget, OutgoingMessage? held, CancellationToken ct)
    {
        while (domain.PausedUntil is null && connection.Transactions < budget.MessagesPerConnection && (held is not null || _queue.TryDequeue(out held)))
        {
            var grant = ledger.TryReserveMessage(budget.Key, budget.MessagesPerSlice, budget.MessagesPerHour);
            if (!grant.Granted)
            {
                // Note: throttling is not a failure (DOMAIN.md §8); hang up rather than idle on the MX, wait, reconnect.
                await connection.DisposeAsync();
                var wait = grant.RetryAtUtc - time.GetUtcNow().UtcDateTime;
                if (wait > MaxWait)
                {
                    _postponeUntil = grant.RetryAtUtc;
                    _postponeCause = $"budget {budget.Key}: {grant.Denial} until {grant.RetryAtUtc:u}";
                    return held;
                }
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
                return held;
            }
            var message = held;
            held = null;
            var started = time.GetTimestamp();
            var result = await connection.SendAsync(message.Content, message.EnvelopeFrom, message.Recipient, ct);
            var outcome = result.Accepted ? AttemptOutcome.Sent(result.AcceptedReply!) : AttemptOutcome.From(result.Failure!, plan.Classifier);
            metrics.SendDuration(time.GetElapsedTime(started), outcome.Status, budget.Key.RuleMask);
            await record(new AttemptRecord(message, outcome, time.GetUtcNow().UtcDateTime, connection.Target.HostName,
                connection.Target.Address, identity.PublicId, budget.Key));
            if (domain.Record(outcome))
            {
                logger.LogWarning("Sending to {Domain} paused until {Until:u}: {Cause}", message.Domain, domain.PausedUntil, domain.Cause);
                return null;
            }
            if (outcome.Status == AttemptStatus.Deferred && plan.Backoff.Match(outcome.Reply) is { } backoff)
            {
                var until = time.GetUtcNow().UtcDateTime + backoff.Pause;
                ledger.Suspend(budget.Key, until, $"{backoff.Name}: {outcome.Reply}");
                metrics.BudgetSuspended(budget.Key.RuleMask, backoff.Name);
                logger.LogWarning("Budget {Budget} suspended until {Until:u}: {Rule}: {Reply}", budget.Key, until, backoff.Name, outcome.Reply);
                return null;
            }
            if (result.Failure is { BreaksConnection: true }) return null;
        }
        return held;
    }

    /// <summary>Opens a connection to the first host and address that accepts, with a budget slot; null to retry later.</summary>
    private async Task<(ISmtpConnection, MxBudget)?> ConnectAsync(CancellationToken ct)
    {
        SmtpFailure? last = null;
        var waitedForSlot = false;
        DateTime? earliestSuspensionEnd = null;
        foreach (var host in hosts)
        {
            foreach (var address in host.Addresses)
            {
                var budget = Budget(host, address);
                if (ledger.SuspendedUntil(budget.Key) is { } suspended)
                {
                    earliestSuspensionEnd = earliestSuspensionEnd is { } e && e < suspended ? e : suspended;
                    continue;
                }
                if (!ledger.TryOpenConnection(budget.Key, budget.MaxConnections))
                {
                    waitedForSlot = true;
                    continue;
                }
                var target = new SmtpTarget(host.Name, address, options.SmtpPort);
                var (connection, failure) = await transport.OpenAsync(target, identity, budget.Rule, ct);
                if (connection is not null)
                {
                    metrics.ConnectionOpened(budget.Key.RuleMask);
                    if (connection.TlsFallback is { } tls)
                    {
                        metrics.TlsFallback(budget.Key.RuleMask);
                        logger.LogWarning("MX {Host} ({Address}): TLS failed ({Failure}); this connection sends in plain text", host.Name, address, tls);
                    }
                    return (connection, budget);
                }
                ledger.CloseConnection(budget.Key);
                metrics.ConnectionFailed(failure!.Stage, budget.Key.RuleMask);
                logger.LogInformation("MX {Host} ({Address}) failed at {Stage}: {Failure}", host.Name, address, failure!.Stage, failure);
                if (failure.ReplyCode > 0 && plan.Backoff.Match(failure.ToString()) is { } backoff)
                {
                    var until = time.GetUtcNow().UtcDateTime + backoff.Pause;
                    ledger.Suspend(budget.Key, until, $"{backoff.Name}: {failure}");
                    metrics.BudgetSuspended(budget.Key.RuleMask, backoff.Name);
                    earliestSuspensionEnd = earliestSuspensionEnd is { } e && e < until ? e : until;
                    continue;
                }
                last = failure;
                if (!failure.TriesBackupMx) break;
            }
        }
        if (earliestSuspensionEnd is { } end && !waitedForSlot)
        {
            var wait = end - time.GetUtcNow().UtcDateTime;
            if (wait > MaxWait)
            {
                _postponeUntil = end;
                _postponeCause = $"every MX budget of the domain is suspended (back-off) until {end:u}";
                return null;
            }
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, ct);
            return null;
        }
        if (last is not null && !waitedForSlot) _allHostsFailed = last;
        else await Task.Delay(TimeSpan.FromMilliseconds(options.SlotPollMilliseconds), time, ct);
        return null;
    }

    private AttemptOutcome AllHostsFailed(SmtpFailure failure) =>
        new(AttemptStatus.Deferred, $"all {hosts.Count} MX host(s) failed; last: {failure}", failure.Stage,
            BounceClassification.FromReport(FailureType.Soft, FailureReason.Unreachable, "every MX host failed"));

    private async Task DrainAsync(OutgoingMessage? held, AttemptOutcome outcome)
    {
        if (held is not null) await DrainOneAsync(held, outcome);
        while (_queue.TryDequeue(out var m)) await DrainOneAsync(m, outcome);
    }

    private async Task DrainOneAsync(OutgoingMessage message, AttemptOutcome outcome)
    {
        // Note: once the breaker opens, what is left waits for it instead of using a retry.
        if (outcome.Status != AttemptStatus.Postponed && domain.PausedUntil is { } paused) outcome = AttemptOutcome.Postponed(paused, domain.Cause);
        await record(new AttemptRecord(message, outcome, time.GetUtcNow().UtcDateTime, IdentityId: identity.PublicId));
        domain.Record(outcome);
    }

    private MxBudget Budget(MxHost host, System.Net.IPAddress address) =>
        MxBudgets.For(plan.Rules, plan.Levels, plan.Throughput, identity, host.Name, address);
}
