using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Deliveries.Budgets;

namespace MxPortal.Infrastructure.Deliveries.Live;

/// <summary>
/// Everything the delivery page shows, read from the database in one go (so it is the same on every node):
/// recipients by state, the largest domains, attempts per minute, the active budgets of every node, the last errors.
/// </summary>
public sealed record DeliveryLiveView(
    Delivery Delivery,
    IReadOnlyDictionary<RecipientState, int> States,
    int Waiting,
    IReadOnlyList<DomainProgress> Domains,
    IReadOnlyList<ThroughputPoint> Throughput,
    IReadOnlyList<BudgetState> Budgets,
    IReadOnlyList<RecentError> LastErrors,
    DateTime ReadAtUtc)
{
    public int Count(RecipientState state) => States.GetValueOrDefault(state);

    /// <summary>Recipients with a final state (sent, failed, skipped or cancelled), 0 to 100.</summary>
    public double Percent
    {
        get
        {
            var total = States.Values.Sum();
            var done = Count(RecipientState.Sent) + Count(RecipientState.Failed) + Count(RecipientState.Skipped) + Count(RecipientState.Cancelled);
            return total == 0 ? 0 : 100.0 * done / total;
        }
    }
}
