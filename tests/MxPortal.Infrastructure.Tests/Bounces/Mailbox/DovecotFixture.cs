using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>One Dovecot per test class (a stop costs ~1 s); each test uses its own user, hence its own mailbox.</summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public DovecotServer Server { get; private set; } = default!;

    public async Task InitializeAsync() => Server = await DovecotServer.StartAsync();

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}
