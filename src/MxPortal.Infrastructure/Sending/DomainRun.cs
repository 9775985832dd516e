using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// One domain's messages in one engine run. Lanes (at most the budget's connection limit) take messages from a
/// shared queue; each lane holds one connection at a time and reconnects after the rule's messages per connection.
/// </summary>
internal sealed class DomainRun(
    SendingPlan plan,
    SendingIdentity identity,
    IReadOnlyList<MxHost> hosts,
    IReadOnlyCollection<OutgoingMessage> messages,
    IBudgetLedger ledger,
    TimeProvider time,
    DeliveryEngineOptions options,
    Func<AttemptRecord, ValueTask> record,
    ILogger logger)
{
    private readonly ConcurrentQueue<OutgoingMessage> _queue = new(messages);
    private SmtpFailure? _allHostsFailed;

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
                await DrainAsync(held, down);
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
    private async Task<OutgoingMessage?> SendOverAsync(SmtpConnection connection, MxBudget budget, OutgoingMessage? held, CancellationToken ct)
    {
        while (connection.Transactions < budget.MessagesPerConnection && (held is not null || _queue.TryDequeue(out held)))
        {
            var grant = ledger.TryReserveMessage(budget.Key, budget.MessagesPerSlice, budget.MessagesPerHour);
            if (!grant.Granted)
            {
                // Note: throttling is not a failure (DOMAIN.md §8); hang up rather than idle on the MX, wait, reconnect.
                await connection.DisposeAsync();
                var wait = grant.RetryAtUtc - time.GetUtcNow().UtcDateTime;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
                return held;
            }
            var message = held;
            held = null;
            var result = await connection.SendAsync(message.Message, message.EnvelopeFrom, message.Recipient, ct);
            var outcome = result.Accepted ? AttemptOutcome.Sent(result.AcceptedReply!) : AttemptOutcome.From(result.Failure!, plan.Classifier);
            await record(new AttemptRecord(message, outcome, time.GetUtcNow().UtcDateTime, connection.Target.HostName,
                connection.Target.Address, identity.PublicId, budget.Key));
            if (result.Failure is { BreaksConnection: true }) return null;
        }
        return held;
    }

    /// <summary>Opens a connection to the first host and address that accepts, with a budget slot; null to retry later.</summary>
    private async Task<(SmtpConnection, MxBudget)?> ConnectAsync(CancellationToken ct)
    {
        SmtpFailure? last = null;
        var waitedForSlot = false;
        foreach (var host in hosts)
        {
            foreach (var address in host.Addresses)
            {
                var budget = Budget(host, address);
                if (!ledger.TryOpenConnection(budget.Key, budget.MaxConnections))
                {
                    waitedForSlot = true;
                    continue;
                }
                var target = new SmtpTarget(host.Name, address, options.SmtpPort);
                var (connection, failure) = await SmtpConnection.OpenAsync(target, identity, budget.Rule, ct);
                if (connection is not null) return (connection, budget);
                ledger.CloseConnection(budget.Key);
                logger.LogInformation("MX {Host} ({Address}) failed at {Stage}: {Failure}", host.Name, address, failure!.Stage, failure);
                last = failure;
                if (!failure.TriesBackupMx) break;
            }
        }
        if (last is not null && !waitedForSlot) _allHostsFailed = last;
        else await Task.Delay(TimeSpan.FromMilliseconds(options.SlotPollMilliseconds), time, ct);
        return null;
    }

    private async Task DrainAsync(OutgoingMessage? held, SmtpFailure failure)
    {
        var outcome = new AttemptOutcome(AttemptStatus.Deferred, $"all {hosts.Count} MX host(s) failed; last: {failure}", failure.Stage,
            BounceClassification.FromReport(FailureType.Soft, FailureReason.Unreachable, "every MX host failed"));
        if (held is not null) await record(new AttemptRecord(held, outcome, time.GetUtcNow().UtcDateTime, IdentityId: identity.PublicId));
        while (_queue.TryDequeue(out var m))
            await record(new AttemptRecord(m, outcome, time.GetUtcNow().UtcDateTime, IdentityId: identity.PublicId));
    }

    private MxBudget Budget(MxHost host, System.Net.IPAddress address) =>
        MxBudgets.For(plan.Rules, plan.Levels, plan.Throughput, identity, host.Name, address);
}
