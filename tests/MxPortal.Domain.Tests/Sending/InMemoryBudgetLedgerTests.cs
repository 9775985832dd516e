using System.Net;
using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Sending;

public sealed class InMemoryBudgetLedgerTests
{
    private static readonly BudgetKey Google = new("*.google.com", 1, null);
    private static readonly BudgetKey Other = new("*", 1, IPAddress.Parse("127.0.0.9"));
    // 10:02:30 UTC: inside the 10:00–10:05 slice.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 2, 30, TimeSpan.Zero));

    [Fact]
    public void Connections_NeverExceedTheLimit_AndFreeSlotsAreReused()
    {
        var ledger = new InMemoryBudgetLedger(_time);
        Assert.True(ledger.TryOpenConnection(Google, 2));
        Assert.True(ledger.TryOpenConnection(Google, 2));
        Assert.False(ledger.TryOpenConnection(Google, 2));
        Assert.True(ledger.TryOpenConnection(Other, 2)); // another budget has its own slots

        ledger.CloseConnection(Google);

        Assert.True(ledger.TryOpenConnection(Google, 2));
        Assert.Throws<DomainException>(() => { ledger.CloseConnection(Other); ledger.CloseConnection(Other); });
    }

    [Fact]
    public void Connections_UnderConcurrency_PeakNeverAboveTheLimit()
    {
        var ledger = new InMemoryBudgetLedger(_time);
        int open = 0, peak = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            if (!ledger.TryOpenConnection(Google, 3)) return;
            var now = Interlocked.Increment(ref open);
            InterlockedMax(ref peak, now);
            Interlocked.Decrement(ref open);
            ledger.CloseConnection(Google);
        });
        Assert.InRange(peak, 1, 3);
        Assert.Equal(0, ledger.Snapshot().Single().OpenConnections);
    }

    [Fact]
    public void Messages_SliceSpent_WaitUntilTheNextFiveMinuteBoundary()
    {
        var ledger = new InMemoryBudgetLedger(_time);
        for (var i = 0; i < 833; i++) Assert.True(ledger.TryReserveMessage(Google, 833, 10_000).Granted);

        var denied = ledger.TryReserveMessage(Google, 833, 10_000);

        Assert.False(denied.Granted);
        Assert.Equal(BudgetDenial.SliceSpent, denied.Denial);
        Assert.Equal(new DateTime(2026, 11, 27, 10, 5, 0, DateTimeKind.Utc), denied.RetryAtUtc);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 10, 5, 0, TimeSpan.Zero));
        Assert.True(ledger.TryReserveMessage(Google, 833, 10_000).Granted);
    }

    [Theory]
    [InlineData(10_000, 100)]  // 833 per slice
    [InlineData(6, 1)]         // under 12/h: one per slice would allow 12, the hour must bind
    [InlineData(100, 3)]
    public void Messages_AskedContinuously_NeverExceedSliceOrHour(int perHour, int asksPerStep)
    {
        var ledger = new InMemoryBudgetLedger(_time);
        var perSlice = MxBudgets.PerSlice(perHour);
        var sentPerSlice = new Dictionary<long, int>();
        // Ask every 10 seconds for 3 hours.
        for (var step = 0; step < 3 * 360; step++)
        {
            for (var i = 0; i < asksPerStep; i++)
            {
                if (!ledger.TryReserveMessage(Google, perSlice, perHour).Granted) break;
                var slice = _time.GetUtcNow().UtcTicks / InMemoryBudgetLedger.SliceLength.Ticks;
                sentPerSlice[slice] = sentPerSlice.GetValueOrDefault(slice) + 1;
            }
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.All(sentPerSlice.Values, n => Assert.True(n <= perSlice, $"{n} in one slice, limit {perSlice}"));
        // The hour is any twelve consecutive five-minute slices (DOMAIN.md §2).
        var first = sentPerSlice.Keys.Min();
        var last = sentPerSlice.Keys.Max();
        for (var s = first; s <= last; s++)
        {
            var hour = Enumerable.Range(0, 12).Sum(k => sentPerSlice.GetValueOrDefault(s + k));
            Assert.True(hour <= perHour, $"{hour} in the twelve slices from {s}, limit {perHour}");
        }
        // ...and the budget is used, not starved: three hours carry at least three hours' worth.
        Assert.True(sentPerSlice.Values.Sum() >= 3 * Math.Min(perHour, 12 * perSlice), $"only {sentPerSlice.Values.Sum()} sent");
    }

    [Fact]
    public void Messages_LowHourlyLimit_DeniedWithTheHourAsReason()
    {
        var ledger = new InMemoryBudgetLedger(_time);
        for (var slice = 0; slice < 6; slice++)
        {
            Assert.True(ledger.TryReserveMessage(Google, 1, 6).Granted);
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        var denied = ledger.TryReserveMessage(Google, 1, 6);

        Assert.Equal(BudgetDenial.HourSpent, denied.Denial);
        // The first message (10:00 slice) leaves the twelve-slice window at 11:00.
        Assert.Equal(new DateTime(2026, 11, 27, 11, 0, 0, DateTimeKind.Utc), denied.RetryAtUtc);
    }

    [Fact]
    public void ReleasedReservation_IsAvailableAgain()
    {
        var ledger = new InMemoryBudgetLedger(_time);
        Assert.True(ledger.TryReserveMessage(Google, 1, 100).Granted);
        Assert.False(ledger.TryReserveMessage(Google, 1, 100).Granted);
        ledger.ReleaseMessage(Google);
        Assert.True(ledger.TryReserveMessage(Google, 1, 100).Granted);
    }

    [Fact]
    public void Suspension_DeniesUntilItEnds_AndShowsItsCause()
    {
        var ledger = new InMemoryBudgetLedger(_time);
        var until = _time.GetUtcNow().UtcDateTime.AddMinutes(30);
        ledger.Suspend(Google, until, "421 4.16.55 [TS01] deferred due to excessive user complaints");

        var denied = ledger.TryReserveMessage(Google, 100, 1000);
        Assert.Equal((false, until, BudgetDenial.Suspended), (denied.Granted, denied.RetryAtUtc, denied.Denial));
        Assert.False(ledger.TryOpenConnection(Google, 5));
        Assert.Contains("TS01", ledger.Snapshot().Single().SuspensionCause);
        ledger.Suspend(Google, until.AddMinutes(-20), "shorter"); // a shorter back-off does not shorten the current one
        Assert.Equal(until, ledger.Snapshot().Single().SuspendedUntilUtc);

        _time.Advance(TimeSpan.FromMinutes(30));

        Assert.True(ledger.TryReserveMessage(Google, 100, 1000).Granted);
        Assert.Null(ledger.Snapshot().Single().SuspendedUntilUtc);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
