using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>One Dovecot per test class (a stop costs ~1 s); each test uses its own user, hence its own mailbox.</summary>
public class DovecotFixture : IAsyncLifetime
{
    private readonly bool _tls;

    public DovecotFixture() : this(tls: false)
    {
    }

    protected DovecotFixture(bool tls) => _tls = tls;

    public DovecotServer Server { get; private set; } = default!;

    public async Task InitializeAsync() => Server = await DovecotServer.StartAsync(_tls);

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A Dovecot with IMAPS, POP3S and STARTTLS/STLS on a self-signed certificate.</summary>
public sealed class TlsDovecotFixture() : DovecotFixture(tls: true);
