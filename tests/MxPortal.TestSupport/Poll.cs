using System.Diagnostics;

namespace MxPortal.TestSupport;

/// <summary>Waits for something another thread or process does, checking often, instead of sleeping a fixed time.</summary>
public static class Poll
{
    /// <summary>
    /// Calls <paramref name="probe"/> every 50 ms until it returns a value, or throws after <paramref name="timeout"/>
    /// with <paramref name="diagnostics"/> (what was seen instead).
    /// </summary>
    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> diagnostics) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (probe() is { } found) return found;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Nothing came after {timeout}. {diagnostics()}");
            await Task.Delay(50);
        }
    }
}
