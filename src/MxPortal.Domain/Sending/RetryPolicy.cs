namespace MxPortal.Domain.Sending;

/// <summary>
/// When a deferred recipient is tried again (DOMAIN.md §8): every <see cref="RetryPeriod"/>, at most
/// <see cref="MaxRetries"/> times, and never after the delivery's validity ends; then the recipient fails.
/// </summary>
public sealed record RetryPolicy(TimeSpan RetryPeriod, int MaxRetries, TimeSpan Validity)
{
    /// <summary>ACC's defaults: 1 hour, 5 retries, 5 days.</summary>
    public static RetryPolicy Default { get; } = new(TimeSpan.FromHours(1), 5, TimeSpan.FromDays(5));

    /// <summary>
    /// The time of the next attempt after a deferral at <paramref name="deferredAtUtc"/>, or null when the recipient
    /// has used its retries or the next attempt would fall after the validity end.
    /// </summary>
    /// <param name="retriesDone">retries already made (0 after the first attempt)</param>
    public DateTime? NextAttempt(DateTime deliveryStartUtc, DateTime deferredAtUtc, int retriesDone)
    {
        if (retriesDone >= MaxRetries) return null;
        var next = deferredAtUtc + RetryPeriod;
        return next <= deliveryStartUtc + Validity ? next : null;
    }
}
