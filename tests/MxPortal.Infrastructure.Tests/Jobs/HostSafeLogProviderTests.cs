using Microsoft.Extensions.Logging;
using MxPortal.Infrastructure.Jobs;
using HangfireLevel = Hangfire.Logging.LogLevel;

namespace MxPortal.Infrastructure.Tests.Jobs;

public sealed class HostSafeLogProviderTests
{
    [Fact]
    public void AfterItsHostIsDisposed_LoggersAreStillHandedOutAndLoggingIsDropped()
    {
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace));
        var provider = new HostSafeLogProvider(factory);
        var before = provider.GetLogger("Hangfire.Before");
        Assert.True(before.Log(HangfireLevel.Info, () => "while the host lives"));

        factory.Dispose();

        var after = provider.GetLogger("Hangfire.After");
        Assert.False(after.Log(HangfireLevel.Info, () => "after the host is gone"));
        before.Log(HangfireLevel.Info, () => "an old logger after the host is gone");
    }
}
