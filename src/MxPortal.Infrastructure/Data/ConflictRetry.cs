using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MxPortal.Infrastructure.Data;

/// <summary>
/// Runs a unit of work again when it lost a race: a stale quarantine record (its concurrency token moved), a unique
/// index another transaction filled first (the same new address, the same event), or a PostgreSQL deadlock or
/// serialization failure. The work must build everything from a fresh context each time; nothing of a failed try
/// was committed. After <see cref="MaxAttempts"/> the last error is thrown, so a permanent conflict still fails.
/// </summary>
public static class ConflictRetry
{
    public const int MaxAttempts = 4;

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work(ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsConflict(e))
            {
                // Note: a little jitter so two writers that collided do not collide again in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 20) * attempt), ct);
            }
        }
    }

    public static async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        await RunAsync(async c => { await work(c); return true; }, ct);

    public static bool IsConflict(Exception e)
    {
        if (e is DbUpdateConcurrencyException) return true;
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            // SQLITE_CONSTRAINT_UNIQUE (2067) and _PRIMARYKEY (1555); unique_violation, serialization_failure, deadlock_detected.
            if (x is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }) return true;
            if (x is PostgresException { SqlState: "23505" or "40001" or "40P01" }) return true;
        }
        return false;
    }
}
