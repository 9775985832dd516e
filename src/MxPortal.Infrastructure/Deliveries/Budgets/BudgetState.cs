using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Deliveries.Budgets;

/// <summary>
/// One node's view of one sending budget, written every few seconds by <see cref="BudgetStatePublisher"/> so every
/// node's delivery page can show it. A row not refreshed for a minute belongs to a stopped node and is stale.
/// </summary>
public sealed class BudgetState
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(1);

    public string Node { get; set; } = "";

    /// <summary><c>rule mask|public id|remote IP or shared</c> (BudgetKey's text form).</summary>
    public string BudgetKey { get; set; } = "";

    public string RuleMask { get; set; } = "";
    public int IdentityId { get; set; }
    public string? RemoteIp { get; set; }
    public int OpenConnections { get; set; }
    public int SentThisSlice { get; set; }
    public int SentLastHour { get; set; }
    public DateTime SliceStartUtc { get; set; }
    public DateTime? SuspendedUntilUtc { get; set; }
    public string? SuspensionCause { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>The recipient domain when this row is an open domain error breaker (a <c>domain:NAME</c> rule mask), else null.</summary>
    public string? BreakerDomain => RuleMask.StartsWith(BudgetSnapshot.BreakerKeyPrefix, StringComparison.Ordinal)
        ? RuleMask[BudgetSnapshot.BreakerKeyPrefix.Length..]
        : null;
}
