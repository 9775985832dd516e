using Microsoft.Extensions.Time.Testing;
using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Sending;

public sealed class DomainErrorBreakerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));

    private DomainErrorBreaker Breaker(int minimum = 300) =>
        new(new DomainBreakerOptions { MinimumAttempts = minimum }, _time);

    [Theory]
    [InlineData(300, 270, true)]   // 90 % of 300: opens
    [InlineData(300, 269, false)]  // just under 90 %
    [InlineData(299, 299, false)]  // every attempt failed, but fewer than 300
    [InlineData(1000, 950, true)]
    public void Opens_OnlyWithEnoughAttemptsAndFailures(int attempts, int failures, bool opens)
    {
        var breaker = Breaker();
        DateTime? openedUntil = null;
        for (var i = 0; i < attempts; i++)
            openedUntil ??= breaker.Record("Example.TEST", failed: i < failures);

        Assert.Equal(opens, breaker.OpenUntil("example.test") is not null);
        if (opens) Assert.Equal(_time.GetUtcNow().UtcDateTime.AddHours(3), openedUntil);
    }

    [Fact]
    public void OldAttempts_LeaveTheWindow()
    {
        var breaker = Breaker();
        for (var i = 0; i < 200; i++) breaker.Record("example.test", failed: true);
        _time.Advance(TimeSpan.FromMinutes(61));
        for (var i = 0; i < 200; i++) breaker.Record("example.test", failed: true);

        Assert.Null(breaker.OpenUntil("example.test"));
    }

    [Fact]
    public void Open_StopsThatDomainOnly_ForThreeHours()
    {
        var breaker = Breaker(minimum: 10);
        for (var i = 0; i < 10; i++) breaker.Record("dead.test", failed: true);
        breaker.Record("alive.test", failed: true);

        Assert.NotNull(breaker.OpenUntil("dead.test"));
        Assert.Null(breaker.OpenUntil("alive.test"));
        Assert.Equal("dead.test", Assert.Single(breaker.Open()).Domain);

        _time.Advance(TimeSpan.FromHours(3));

        Assert.Null(breaker.OpenUntil("dead.test"));
        // A fresh window after the pause: one more failure does not reopen it.
        Assert.Null(breaker.Record("dead.test", failed: true));
    }
}
