using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Sending;
using MxPortal.Infrastructure.Telemetry;
using MxPortal.Infrastructure.Tests.Telemetry;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Sending;

public sealed class DeliveryEngineTests(EngineFixture mx) : IClassFixture<EngineFixture>, IDisposable
{
    private static readonly SendingIdentity Identity = new() { PublicId = 1, SourceIp = "127.0.0.1", HeloName = "out.sender.test" };
    private readonly ConcurrentQueue<AttemptRecord> _records = new();
    private readonly MetricsProbe _metrics = new();

    public void Dispose() => _metrics.Dispose();

    private static SendingPlan Plan(int maxConnections = 3, int perConnection = 5, int perHour = 100_000, IReadOnlyList<SendingIdentity>? identities = null, TlsMode tls = TlsMode.Disabled)
    {
        var rules = MxRuleSet.Create([new MxRule
        {
            Mask = "*", MaxConnections = maxConnections, MaxMessagesPerConnection = perConnection, MessagesPerHour = perHour,
            ConnectionTimeout = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(5), DataTimeout = TimeSpan.FromSeconds(5),
            Tls = tls,
        }]).RuleSet!;
        return new SendingPlan(rules, ThroughputLevels.Default, new ThroughputSettings(ThroughputLevel.Normal), identities ?? [Identity],
            new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create())));
    }

    private DeliveryEngine Engine(SmtpTransportKind transport, IBudgetLedger? ledger = null, TimeProvider? time = null, int maxWaitSeconds = 300, DomainErrorBreaker? breaker = null, ILogger<DeliveryEngine>? logger = null) =>
        new(mx.Resolver(), ledger ?? new InMemoryBudgetLedger(TimeProvider.System),
            breaker ?? new DomainErrorBreaker(new DomainBreakerOptions(), time ?? TimeProvider.System), time ?? TimeProvider.System,
            Options.Create(new DeliveryEngineOptions { SmtpPort = mx.SmtpPort, SlotPollMilliseconds = 20, MaxWaitSeconds = maxWaitSeconds, Transport = transport.ToString() }),
            _metrics.Metrics, logger ?? NullLogger<DeliveryEngine>.Instance);

    private static List<OutgoingMessage> Messages(string domain, int count, string prefix = "r", int firstId = 1) =>
        TestMessages.Create(domain, count, prefix, firstId);

    private ValueTask Record(AttemptRecord r)
    {
        _records.Enqueue(r);
        return ValueTask.CompletedTask;
    }

    [Theory, BothTransports]
    public async Task EveryMessageIsSent_NeverAboveTheConnectionOrPerConnectionLimits(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript { ReplyDelay = TimeSpan.FromMilliseconds(5) });
        var attempts = _metrics.Collect<long>("mxportal.smtp.attempts");
        var connections = _metrics.Collect<long>("mxportal.smtp.connections");
        var durations = _metrics.Collect<double>("mxportal.smtp.send.duration");

        await Engine(transport).RunAsync(Plan(maxConnections: 3, perConnection: 5), Messages("one.test", 40), Record, CancellationToken.None);

        Assert.Equal(40, _records.Count(r => r.Outcome.Status == AttemptStatus.Sent));
        Assert.Equal(40, server.Messages.Count);
        Assert.InRange(server.PeakConnections, 2, 3);
        await WaitForAsync(() => server.MessagesPerConnection.Sum() == 40);
        Assert.All(server.MessagesPerConnection, n => Assert.InRange(n, 0, 5));
        Assert.All(_records, r => Assert.Equal(("mx.one.test", 1), (r.MxHost, r.IdentityId)));
        Assert.Equal(40, attempts.Sum($"{MetricTags.Status}=sent", $"{MetricTags.MxRule}=*"));
        Assert.Equal(40, attempts.Sum());
        Assert.Equal(server.Connections, connections.Sum($"{MetricTags.ConnectionResult}=opened", $"{MetricTags.MxRule}=*"));
        Assert.Equal(40, durations.Count($"{MetricTags.Status}=sent"));
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0.0, 5.0));
    }

    [Theory, BothTransports]
    public async Task TwoRunsAtOnce_ShareTheConnectionLimit(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript { ReplyDelay = TimeSpan.FromMilliseconds(5) });
        var ledger = new InMemoryBudgetLedger(TimeProvider.System);

        await Task.WhenAll(
            Engine(transport, ledger).RunAsync(Plan(maxConnections: 2), Messages("one.test", 20, "a"), Record, CancellationToken.None),
            Engine(transport, ledger).RunAsync(Plan(maxConnections: 2), Messages("one.test", 20, "b"), Record, CancellationToken.None));

        Assert.Equal(40, server.Messages.Count);
        Assert.InRange(server.PeakConnections, 1, 2);
    }

    [Theory, BothTransports]
    public async Task OpportunisticTlsFails_TheMailGoesInPlainText_AndAWarningNamesTheMxAndTheTlsFailure(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript { StartTls = ScriptedStartTls.BrokenHandshake });
        var logger = new FakeLogger<DeliveryEngine>();
        var fallbacks = _metrics.Collect<long>("mxportal.smtp.tls_fallbacks");

        await Engine(transport, logger: logger).RunAsync(Plan(maxConnections: 1, tls: TlsMode.Opportunistic), Messages("one.test", 3), Record, CancellationToken.None);

        Assert.Equal(3, server.Messages.Count(m => !m.OverTls));
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.StartsWith("MX mx.one.test (127.0.0.31): TLS failed (", warning.Message);
        Assert.EndsWith("); this connection sends in plain text", warning.Message);
        Assert.Equal(1, fallbacks.Sum($"{MetricTags.MxRule}=*"));
    }

    public static TheoryData<string, string?> UnavailablePrimaries => new()
    {
        { "backup.test", null },                          // the primary does not answer at all
        { "busy.test", "421 4.7.0 Too busy, try later" }, // the primary answers 421 at the greeting
    };

    [Theory, BothTransports(nameof(UnavailablePrimaries))]
    public async Task PrimaryUnavailable_BackupMxTakesTheMail(SmtpTransportKind transport, string domain, string? primaryGreeting)
    {
        await using var busy = primaryGreeting is null ? null : mx.Server(EngineFixture.Busy, new SmtpScript { Greeting = primaryGreeting });
        await using var backup = mx.Server(EngineFixture.Live2);

        await Engine(transport).RunAsync(Plan(), Messages(domain, 6), Record, CancellationToken.None);

        Assert.Equal(6, backup.Messages.Count);
        Assert.All(_records, r => Assert.Equal((AttemptStatus.Sent, EngineFixture.Live2), (r.Outcome.Status, r.Address!.ToString())));
    }

    [Theory, BothTransports]
    public async Task EveryMxDown_IsSoftUnreachableForEachRecipient(SmtpTransportKind transport)
    {
        var connections = _metrics.Collect<long>("mxportal.smtp.connections");
        var attempts = _metrics.Collect<long>("mxportal.smtp.attempts");

        await Engine(transport).RunAsync(Plan(), Messages("down.test", 4), Record, CancellationToken.None);

        Assert.Equal(4, _records.Count);
        Assert.All(_records, r =>
        {
            Assert.Equal(AttemptStatus.Deferred, r.Outcome.Status);
            Assert.Equal((FailureType.Soft, FailureReason.Unreachable), (r.Outcome.Qualification!.Value.Type, r.Outcome.Qualification.Value.Reason));
            Assert.Contains("all 1 MX host(s) failed", r.Outcome.Reply);
        });
        Assert.True(connections.Sum($"{MetricTags.ConnectionResult}=failed", $"{MetricTags.Stage}=connect", $"{MetricTags.MxRule}=*") >= 1);
        Assert.Equal(0, connections.Sum($"{MetricTags.ConnectionResult}=opened"));
        Assert.Equal(4, attempts.Sum($"{MetricTags.Status}=deferred", $"{MetricTags.FailureType}=soft"));
    }

    [Theory, BothTransports]
    public async Task Replies_AreQualified_HardFailsSoftDefers(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript
        {
            RecipientReply = r => r.StartsWith("unknown") ? "550 5.1.1 <" + r + ">: Recipient address rejected: User unknown"
                : r.StartsWith("full") ? "452 4.2.2 Mailbox full" : null,
        });
        var batch = Messages("one.test", 3, "ok").Concat(Messages("one.test", 2, "unknown")).Concat(Messages("one.test", 2, "full")).ToList();
        var attempts = _metrics.Collect<long>("mxportal.smtp.attempts");
        var bounces = _metrics.Collect<long>("mxportal.bounce.qualifications");

        await Engine(transport).RunAsync(Plan(), batch, Record, CancellationToken.None);

        Assert.Equal(7, _records.Count);
        Assert.All(_records.Where(r => r.Message.Recipient.StartsWith("ok")), r => Assert.Equal(AttemptStatus.Sent, r.Outcome.Status));
        Assert.All(_records.Where(r => r.Message.Recipient.StartsWith("unknown")), r =>
            Assert.Equal((AttemptStatus.Failed, FailureReason.UserUnknown), (r.Outcome.Status, r.Outcome.Qualification!.Value.Reason)));
        Assert.All(_records.Where(r => r.Message.Recipient.StartsWith("full")), r => Assert.Equal(AttemptStatus.Deferred, r.Outcome.Status));
        Assert.Equal((3, 2, 2), (attempts.Sum($"{MetricTags.Status}=sent"),
            attempts.Sum($"{MetricTags.Status}=failed", $"{MetricTags.FailureType}=hard"), attempts.Sum($"{MetricTags.Status}=deferred", $"{MetricTags.FailureType}=soft")));
        Assert.Equal(2, bounces.Sum($"{MetricTags.FailureType}=hard", $"{MetricTags.Reason}=user_unknown", $"{MetricTags.Origin}=sync"));
        Assert.Equal(4, bounces.Sum());
    }

    [Fact]
    public async Task NullMx_FailsHardWithoutConnecting()
    {
        var attempts = _metrics.Collect<long>("mxportal.smtp.attempts");

        await Engine(SmtpTransportKind.Native).RunAsync(Plan(), Messages("nullmx.test", 2), Record, CancellationToken.None);

        Assert.All(_records, r => Assert.Equal((AttemptStatus.Failed, FailureReason.InvalidDomain),
            (r.Outcome.Status, r.Outcome.Qualification!.Value.Reason)));
        Assert.Equal(2, attempts.Sum($"{MetricTags.Status}=failed", $"{MetricTags.FailureType}=hard"));
        Assert.All(attempts.GetMeasurementSnapshot(), m => Assert.False(m.Tags.ContainsKey(MetricTags.MxRule)));
    }

    [Theory, BothTransports]
    public async Task HourlyBudget_SpentSlice_WaitsForTheNextSlice(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 1, 0, TimeSpan.Zero));
        var ledger = new InMemoryBudgetLedger(time);

        // 24 per hour = 2 per five-minute slice.
        var run = Engine(transport, ledger, time).RunAsync(Plan(maxConnections: 1, perHour: 24), Messages("one.test", 5), Record, CancellationToken.None);

        await WaitForAsync(() => server.Messages.Count == 2);
        await Task.Delay(300);
        Assert.Equal(2, server.Messages.Count);          // the slice is spent: nothing more goes out
        time.Advance(TimeSpan.FromMinutes(4));            // 10:05: the next slice
        await WaitForAsync(() => server.Messages.Count == 4);
        await Task.Delay(300);
        Assert.Equal(4, server.Messages.Count);
        time.Advance(TimeSpan.FromMinutes(5));
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(5, server.Messages.Count);
        Assert.Equal(5, _records.Count(r => r.Outcome.Status == AttemptStatus.Sent));
    }

    [Theory, BothTransports]
    public async Task ReputationDeferral_SuspendsTheBudget_AndPostponesTheRest(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript
        {
            RecipientReply = r => r == "r1@one.test" ? "421 4.16.55 [TS01] Messages from 127.0.0.1 temporarily deferred due to excessive user complaints" : null,
        });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 1, 0, TimeSpan.Zero));
        var ledger = new InMemoryBudgetLedger(time);
        var suspensions = _metrics.Collect<long>("mxportal.budget.suspensions");
        var attempts = _metrics.Collect<long>("mxportal.smtp.attempts");

        await Engine(transport, ledger, time).RunAsync(Plan(maxConnections: 1), Messages("one.test", 5), Record, CancellationToken.None);

        var first = Assert.Single(_records, r => r.Message.Recipient == "r1@one.test");
        Assert.Equal(AttemptStatus.Deferred, first.Outcome.Status);
        var rest = _records.Where(r => r.Message.Recipient != "r1@one.test").ToList();
        Assert.Equal(4, rest.Count);
        Assert.All(rest, r => Assert.Equal((AttemptStatus.Postponed, time.GetUtcNow().UtcDateTime.AddHours(1)), (r.Outcome.Status, r.Outcome.NotBeforeUtc!.Value)));
        Assert.Empty(server.Messages);
        var budget = Assert.Single(ledger.Snapshot());
        Assert.Contains("TS01", budget.SuspensionCause);
        Assert.Equal(1, suspensions.Sum($"{MetricTags.MxRule}=*", $"{MetricTags.BackoffRule}=Yahoo TS01-TS03 (complaints / reputation)"));
        Assert.Equal(4, attempts.Sum($"{MetricTags.Status}=postponed"));
    }

    [Theory, BothTransports]
    public async Task BackOffOnTheGreeting_IsLiftedWhenItsTimeComes(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript { Greeting = "421 4.7.0 [TS02] Messages from 127.0.0.1 temporarily deferred" });
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 1, 0, TimeSpan.Zero));
        var ledger = new InMemoryBudgetLedger(time);

        // A run allowed to wait two hours waits out the one-hour back-off instead of postponing.
        var run = Engine(transport, ledger, time, maxWaitSeconds: 7200).RunAsync(Plan(maxConnections: 1), Messages("one.test", 3), Record, CancellationToken.None);
        await WaitForAsync(() => ledger.Snapshot().Any(b => b.SuspendedUntilUtc is not null));
        server.Script = new SmtpScript();
        await Task.Delay(200);
        Assert.Empty(server.Messages);                     // still backing off

        time.Advance(TimeSpan.FromHours(1));
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, server.Messages.Count);
        Assert.Equal(3, _records.Count(r => r.Outcome.Status == AttemptStatus.Sent));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "condition not reached in 5 s");
    }
}
