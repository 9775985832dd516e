using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.Bounces;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Sending;
using MxPortal.Infrastructure.Tests.Telemetry;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Sending;

/// <summary>
/// The engine's protective throttling against scripted MX hosts: the domain error breaker (DOMAIN.md §2), reply-driven
/// back-off triggered and lifted, and the per-message choice of the sending identity.
/// </summary>
public sealed class ProtectiveThrottlingTests(EngineFixture mx) : IClassFixture<EngineFixture>, IDisposable
{
    private static readonly SendingIdentity Main = new() { PublicId = 1, SourceIp = "127.0.0.1", HeloName = "out1.sender.test" };
    private static readonly SendingIdentity Second = new() { PublicId = 2, SourceIp = "127.0.0.2", HeloName = "out2.sender.test" };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 1, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<AttemptRecord> _records = new();
    private readonly MetricsProbe _metrics = new();

    public void Dispose() => _metrics.Dispose();

    private static SendingPlan Plan(IReadOnlyList<SendingIdentity> identities, int maxConnections = 2)
    {
        var rules = MxRuleSet.Create([new MxRule
        {
            Mask = "*", MaxConnections = maxConnections, MaxMessagesPerConnection = 50, MessagesPerHour = 100_000,
            ConnectionTimeout = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(5), DataTimeout = TimeSpan.FromSeconds(5),
            Tls = TlsMode.Disabled,
        }]).RuleSet!;
        return new SendingPlan(rules, ThroughputLevels.Default, new ThroughputSettings(ThroughputLevel.Normal), identities,
            new BounceClassifier(BounceRuleSet.Create(DefaultBounceRules.Create())));
    }

    private DeliveryEngine Engine(SmtpTransportKind transport, IBudgetLedger ledger, DomainErrorBreaker breaker) =>
        new(mx.Resolver(), ledger, breaker, _time,
            Options.Create(new DeliveryEngineOptions { SmtpPort = mx.SmtpPort, SlotPollMilliseconds = 20, MaxWaitSeconds = 300, Transport = transport.ToString() }),
            _metrics.Metrics, NullLogger<DeliveryEngine>.Instance);

    private static List<OutgoingMessage> Messages(string domain, int count, string prefix = "r", int firstId = 1) =>
        TestMessages.Create(domain, count, prefix, firstId);

    private ValueTask Record(AttemptRecord r)
    {
        _records.Enqueue(r);
        return ValueTask.CompletedTask;
    }

    [Theory, BothTransports]
    public async Task DomainErrorBreaker_Trips_PostponesTheRestWithoutARetry_ShowsInTheSnapshot_AndResets(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript { RecipientReply = _ => "550 5.1.1 User unknown" });
        var breaker = new DomainErrorBreaker(new DomainBreakerOptions { MinimumAttempts = 20, Pause = TimeSpan.FromHours(3) }, _time);
        var ledger = new InMemoryBudgetLedger(_time, breaker);
        var openings = _metrics.Collect<long>("mxportal.domain_breaker.openings");

        await Engine(transport, ledger, breaker).RunAsync(Plan([Main], maxConnections: 1), Messages("one.test", 60), Record, CancellationToken.None);
        Assert.Equal(1, openings.Sum());

        var resume = _time.GetUtcNow().UtcDateTime.AddHours(3);
        Assert.Equal(60, _records.Count);
        Assert.Equal(20, _records.Count(r => r.Outcome.Status == AttemptStatus.Failed));  // the attempts that opened it
        var postponed = _records.Where(r => r.Outcome.Status == AttemptStatus.Postponed).ToList();
        Assert.Equal(40, postponed.Count);
        Assert.All(postponed, r => Assert.Equal(resume, r.Outcome.NotBeforeUtc));
        Assert.All(postponed, r => Assert.StartsWith("domain error breaker", r.Outcome.Reply));
        var shown = Assert.Single(ledger.Snapshot(), b => b.BreakerDomain is not null);
        Assert.Equal(("one.test", "domain:one.test", resume), (shown.BreakerDomain, shown.Key.RuleMask, shown.SuspendedUntilUtc));
        Assert.Contains("90%", shown.SuspensionCause);

        // While it is open a new run does not even connect.
        _records.Clear();
        var connections = server.Connections;
        await Engine(transport, ledger, breaker).RunAsync(Plan([Main]), Messages("one.test", 5, "later"), Record, CancellationToken.None);
        Assert.All(_records, r => Assert.Equal(AttemptStatus.Postponed, r.Outcome.Status));
        Assert.Equal(connections, server.Connections);
        Assert.Equal(1, openings.Sum()); // counted when it opened, not again while it stays open

        // After the pause the domain is tried again from a fresh window.
        _time.Advance(TimeSpan.FromHours(3));
        server.Script = new SmtpScript();
        _records.Clear();
        await Engine(transport, ledger, breaker).RunAsync(Plan([Main]), Messages("one.test", 5, "again"), Record, CancellationToken.None);
        Assert.All(_records, r => Assert.Equal(AttemptStatus.Sent, r.Outcome.Status));
        Assert.DoesNotContain(ledger.Snapshot(), b => b.BreakerDomain is not null);
    }

    [Theory, BothTransports]
    public async Task MostlyAccepted_DoesNotTripTheBreaker(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript
        {
            RecipientReply = r => r.StartsWith("bad") ? "550 5.1.1 User unknown" : null,
        });
        var breaker = new DomainErrorBreaker(new DomainBreakerOptions { MinimumAttempts = 20 }, _time);
        var openings = _metrics.Collect<long>("mxportal.domain_breaker.openings");

        // Four refused, one accepted, and again: 80 % failures, under the 90 % threshold, whatever the window holds.
        var batch = Enumerable.Range(0, 40).Select(i => i % 5 == 4 ? Messages("one.test", 1, "ok", firstId: i)[0] : Messages("one.test", 1, "bad", firstId: i)[0]).ToList();
        await Engine(transport, new InMemoryBudgetLedger(_time, breaker), breaker).RunAsync(Plan([Main], maxConnections: 1), batch, Record, CancellationToken.None);

        Assert.DoesNotContain(_records, r => r.Outcome.Status == AttemptStatus.Postponed);
        Assert.Equal(32, _records.Count(r => r.Outcome.Status == AttemptStatus.Failed));
        Assert.Equal(8, server.Messages.Count);
        Assert.Equal(0, openings.Sum());
    }

    [Theory, BothTransports]
    public async Task BackOff_TriggeredByAReply_SuspendsTheBudgetWithItsCause_ThenLiftedAndTheRestIsSent(SmtpTransportKind transport)
    {
        var complained = 0;
        await using var server = mx.Server(EngineFixture.Live1, new SmtpScript
        {
            RecipientReply = _ => Interlocked.Increment(ref complained) == 3
                ? "421 4.7.0 [TS01] Messages from 127.0.0.1 temporarily deferred due to excessive user complaints" : null,
        });
        var breaker = new DomainErrorBreaker(new DomainBreakerOptions(), _time);
        var ledger = new InMemoryBudgetLedger(_time, breaker);
        var engine = Engine(transport, ledger, breaker);

        await engine.RunAsync(Plan([Main], maxConnections: 1), Messages("one.test", 10), Record, CancellationToken.None);

        // Triggered: two sent, the third deferred by the reply, the other seven postponed to the end of the back-off.
        var until = _time.GetUtcNow().UtcDateTime.AddHours(1);
        Assert.Equal(2, server.Messages.Count);
        Assert.Single(_records, r => r.Outcome.Status == AttemptStatus.Deferred);
        var postponed = _records.Where(r => r.Outcome.Status == AttemptStatus.Postponed).ToList();
        Assert.Equal(7, postponed.Count);
        Assert.All(postponed, r => Assert.Equal(until, r.Outcome.NotBeforeUtc));
        var budget = Assert.Single(ledger.Snapshot());
        Assert.Equal(until, budget.SuspendedUntilUtc);
        Assert.Contains("Yahoo TS01", budget.SuspensionCause);
        Assert.Contains("excessive user complaints", budget.SuspensionCause);
        Assert.Equal(until, ledger.SuspendedUntil(budget.Key));

        // Lifted: an hour later the budget is open again by itself and the postponed recipients go out.
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Null(ledger.SuspendedUntil(budget.Key));
        Assert.Null(Assert.Single(ledger.Snapshot()).SuspensionCause);
        _records.Clear();
        await engine.RunAsync(Plan([Main], maxConnections: 1), postponed.Select(r => r.Message).ToList(), Record, CancellationToken.None);

        Assert.Equal(7, _records.Count(r => r.Outcome.Status == AttemptStatus.Sent));
        Assert.Equal(9, server.Messages.Count);
    }

    [Theory, BothTransports]
    public async Task EachMessage_DrawsItsIdentityByWeight(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1);
        var breaker = new DomainErrorBreaker(new DomainBreakerOptions(), _time);
        var heavy = Main with { Weight = 3 };

        await Engine(transport, new InMemoryBudgetLedger(_time, breaker), breaker)
            .RunAsync(Plan([heavy, Second]), Messages("one.test", 400), Record, CancellationToken.None);

        Assert.Equal(400, server.Messages.Count);
        var fromMain = server.Messages.Count(m => m.ClientAddress == Main.SourceIp);
        Assert.InRange(fromMain, 240, 360);                        // 3 : 1 over 400 messages (expected 300, sd ≈ 9)
        Assert.All(_records, r => Assert.Equal(r.IdentityId == 1 ? Main.SourceIp : Second.SourceIp,
            server.Messages.Single(m => m.Recipients[0] == r.Message.Recipient).ClientAddress));
        Assert.Equal(["out1.sender.test", "out2.sender.test"], server.Messages.Select(m => m.Helo).Distinct().Order());
    }

    [Theory, BothTransports]
    public async Task AnIdentityWhoseMasksExcludeTheDomain_IsNeverUsedForIt(SmtpTransportKind transport)
    {
        await using var server = mx.Server(EngineFixture.Live1);
        var breaker = new DomainErrorBreaker(new DomainBreakerOptions(), _time);
        var excluded = Second with { Weight = 100, ExcludeDomains = ["one.*"] };
        var elsewhere = Second with { PublicId = 3, Weight = 100, IncludeDomains = ["other.test"] };

        await Engine(transport, new InMemoryBudgetLedger(_time, breaker), breaker)
            .RunAsync(Plan([Main, excluded, elsewhere]), Messages("one.test", 30), Record, CancellationToken.None);

        Assert.Equal(30, server.Messages.Count);
        Assert.All(server.Messages, m => Assert.Equal(Main.SourceIp, m.ClientAddress));
        Assert.All(_records, r => Assert.Equal(1, r.IdentityId));
    }
}
