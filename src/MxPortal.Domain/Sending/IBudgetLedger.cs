using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Sending;

/// <summary>
/// Budget accounting: open connections and messages per five-minute slice for each <see cref="BudgetKey"/>, across
/// every delivery running at once. The seam where a later step shares the counts between nodes (PostgreSQL);
/// <see cref="InMemoryBudgetLedger"/> serves one node.
/// </summary>
public interface IBudgetLedger
{
    /// <summary>Takes one of the budget's connection slots, or returns false when <paramref name="maxConnections"/> are open.</summary>
    bool TryOpenConnection(BudgetKey key, int maxConnections);

    /// <summary>Gives back a slot taken by <see cref="TryOpenConnection"/>.</summary>
    void CloseConnection(BudgetKey key);

    /// <summary>Reserves one message in the current slice and hour, or says when to try again.</summary>
    BudgetGrant TryReserveMessage(BudgetKey key, int messagesPerSlice, int messagesPerHour);

    /// <summary>Returns a reservation whose message was never handed to the server (e.g. the connection dropped first).</summary>
    void ReleaseMessage(BudgetKey key);

    /// <summary>Stops sending on the budget until <paramref name="untilUtc"/> (reply-driven back-off).</summary>
    void Suspend(BudgetKey key, DateTime untilUtc, string cause);

    IReadOnlyList<BudgetSnapshot> Snapshot();
}
