using Hangfire.Logging;
using MxPortal.Infrastructure.Jobs;

namespace MxPortal.Infrastructure.Tests.Jobs;

public sealed class HostSafeLogProviderTests
{
    [Fact]
    public void WhileItsHostLives_LoggersComeFromTheHost()
    {
        var inner = new SwitchableProvider();
        var logger = new HostSafeLogProvider(inner).GetLogger("Hangfire.Before");

        Assert.True(logger.Log(LogLevel.Info, () => "while the host lives"));
    }

    [Fact]
    public void AfterItsHostIsDisposed_LoggersAreStillHandedOutAndLoggingIsDropped()
    {
        var inner = new SwitchableProvider { Disposed = true };
        var logger = new HostSafeLogProvider(inner).GetLogger("Hangfire.After");

        Assert.False(logger.Log(LogLevel.Info, () => "after the host is gone"));
    }

    private sealed class SwitchableProvider : ILogProvider
    {
        public bool Disposed { get; init; }

        public ILog GetLogger(string name) => Disposed ? throw new ObjectDisposedException("LoggerFactory") : new Always();
    }

    private sealed class Always : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => true;
    }
}
