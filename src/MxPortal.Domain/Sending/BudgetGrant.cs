namespace MxPortal.Domain.Sending;

/// <summary>
/// The answer to "may I send one more message on this budget now?": granted, or not before <see cref="RetryAtUtc"/>
/// (the next five-minute slice, the end of the hourly window or of a suspension), with the reason.
/// </summary>
public readonly record struct BudgetGrant(bool Granted, DateTime RetryAtUtc, BudgetDenial Denial)
{
    public static BudgetGrant Yes { get; } = new(true, default, BudgetDenial.None);

    public static BudgetGrant NotBefore(DateTime retryAtUtc, BudgetDenial denial) => new(false, retryAtUtc, denial);
}
