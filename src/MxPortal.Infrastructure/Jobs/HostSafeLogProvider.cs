using Hangfire.Logging;

namespace MxPortal.Infrastructure.Jobs;

/// <summary>
/// Hangfire keeps its log provider in static state, so with several hosts in one process (the tests) it may hold the
/// logger factory of a host already disposed; asking it for a logger then throws. This wrapper hands out a silent
/// logger instead. One host per process (production) never sees the difference.
/// </summary>
internal sealed class HostSafeLogProvider(ILogProvider inner) : ILogProvider
{
    public ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
