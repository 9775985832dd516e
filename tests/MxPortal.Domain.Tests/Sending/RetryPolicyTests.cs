using MxPortal.Domain.Sending;

namespace MxPortal.Domain.Tests.Sending;

public sealed class RetryPolicyTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, 0, 60)]       // first deferral: an hour later
    [InlineData(4, 300, 360)]    // the fifth retry is still allowed
    [InlineData(5, 360, null)]   // five retries used: fails
    [InlineData(0, 7140, 7200)]  // exactly at the validity end (5 days = 7200 min): allowed
    [InlineData(0, 7141, null)]  // past it: fails
    public void NextAttempt_FollowsPeriodCountAndValidity(int retriesDone, int deferredAfterMinutes, int? nextAfterMinutes)
    {
        var next = RetryPolicy.Default.NextAttempt(Start, Start.AddMinutes(deferredAfterMinutes), retriesDone);

        Assert.Equal(nextAfterMinutes is { } m ? Start.AddMinutes(m) : null, next);
    }
}
