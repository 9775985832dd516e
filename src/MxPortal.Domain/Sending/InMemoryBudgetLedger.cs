using System.Collections.Concurrent;
using MxPortal.Domain.MxRules;

namespace MxPortal.Domain.Sending;

/// <summary>
/// The ledger of one node. Slices are aligned on the clock (:00, :05, …) so every node and every delivery count the
/// same slice; "the hour" is the current slice plus the eleven before it, so no slice holds more than its share and
/// no twelve consecutive slices more than the hourly limit. Thread-safe: one lock per budget. Its snapshot also
/// lists the domains the <paramref name="breaker"/> (when given) has stopped, so the portal shows them with the budgets.
/// </summary>
public sealed class InMemoryBudgetLedger(TimeProvider time, DomainErrorBreaker? breaker = null) : IBudgetLedger
{
    public static readonly TimeSpan SliceLength = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<BudgetKey, BudgetCounter> _budgets = new();

    public bool TryOpenConnection(BudgetKey key, int maxConnections)
    {
        var b = Budget(key);
        lock (b)
        {
            if (b.OpenConnections >= maxConnections || IsSuspended(b, Now)) return false;
            b.OpenConnections++;
            return true;
        }
    }

    public void CloseConnection(BudgetKey key)
    {
        var b = Budget(key);
        lock (b)
        {
            if (b.OpenConnections == 0) throw new DomainException($"Budget {key}: closing a connection that was not open.");
            b.OpenConnections--;
        }
    }

    public BudgetGrant TryReserveMessage(BudgetKey key, int messagesPerSlice, int messagesPerHour)
    {
        var now = Now;
        var slice = SliceOf(now);
        var b = Budget(key);
        lock (b)
        {
            if (IsSuspended(b, now)) return BudgetGrant.NotBefore(b.SuspendedUntilUtc!.Value, BudgetDenial.Suspended);
            var counts = b.Counts(slice);
            if (counts[0] >= messagesPerSlice) return BudgetGrant.NotBefore(StartOf(slice + 1), BudgetDenial.SliceSpent);
            var hour = counts.Sum();
            if (hour >= messagesPerHour)
            {
                // The oldest slice of the window that holds messages must leave the window before one more fits.
                var oldest = Array.FindLastIndex(counts, c => c > 0);
                return BudgetGrant.NotBefore(StartOf(slice - oldest + BudgetCounter.Window), BudgetDenial.HourSpent);
            }
            b.Add(slice, 1);
            return BudgetGrant.Yes;
        }
    }

    public void ReleaseMessage(BudgetKey key)
    {
        var b = Budget(key);
        lock (b) b.Add(SliceOf(Now), -1);
    }

    public void Suspend(BudgetKey key, DateTime untilUtc, string cause)
    {
        var b = Budget(key);
        lock (b)
        {
            if (b.SuspendedUntilUtc is { } current && current >= untilUtc) return;
            b.SuspendedUntilUtc = untilUtc;
            b.SuspensionCause = cause;
        }
    }

    public DateTime? SuspendedUntil(BudgetKey key)
    {
        if (!_budgets.TryGetValue(key, out var b)) return null;
        lock (b) return IsSuspended(b, Now) ? b.SuspendedUntilUtc : null;
    }

    public IReadOnlyList<BudgetSnapshot> Snapshot()
    {
        var now = Now;
        var slice = SliceOf(now);
        var result = new List<BudgetSnapshot>();
        foreach (var (key, b) in _budgets)
        {
            lock (b)
            {
                var counts = b.Counts(slice);
                var suspended = IsSuspended(b, now);
                result.Add(new BudgetSnapshot(key, b.OpenConnections, counts[0], counts.Sum(), StartOf(slice),
                    suspended ? b.SuspendedUntilUtc : null, suspended ? b.SuspensionCause : null));
            }
        }
        foreach (var (domain, until) in breaker?.Open() ?? [])
            result.Add(new BudgetSnapshot(new BudgetKey(BudgetSnapshot.BreakerKeyPrefix + domain, 0, null), 0, 0, 0, StartOf(slice),
                until, breaker!.Cause(domain), domain));
        return result;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private BudgetCounter Budget(BudgetKey key) => _budgets.GetOrAdd(key, _ => new BudgetCounter());

    private static bool IsSuspended(BudgetCounter b, DateTime now) => b.SuspendedUntilUtc is { } until && until > now;

    internal static long SliceOf(DateTime utc) => utc.Ticks / SliceLength.Ticks;

    private static DateTime StartOf(long slice) => new(slice * SliceLength.Ticks, DateTimeKind.Utc);
}
