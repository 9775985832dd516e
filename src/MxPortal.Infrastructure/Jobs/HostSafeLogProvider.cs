using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace MxPortal.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide (a static), set from whichever host configured Hangfire last. When that host
/// is disposed while another still runs (several portal hosts in one test process), every new job client would throw
/// ObjectDisposedException from its logger factory. This wrapper logs through the host's factory while it lives and
/// drops the message after.
/// </summary>
internal sealed class HostSafeLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return new SafeLog(null);
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
