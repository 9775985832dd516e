using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Sending;

/// <summary>
/// What the delivery page shows of one active budget. A recipient domain stopped by the domain error breaker is shown
/// the same way (suspended until, with its cause) with <see cref="BreakerDomain"/> set and a <c>domain:NAME</c> key.
/// </summary>
public sealed record BudgetSnapshot(
    BudgetKey Key,
    int OpenConnections,
    int SentThisSlice,
    int SentLastHour,
    DateTime SliceStartUtc,
    DateTime? SuspendedUntilUtc,
    string? SuspensionCause,
    string? BreakerDomain = null)
{
    /// <summary>The key prefix of a breaker entry (<c>domain:example.com</c> as the rule mask, identity 0, shared).</summary>
    public const string BreakerKeyPrefix = "domain:";
}
