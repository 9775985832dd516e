using Microsoft.EntityFrameworkCore;
using MxPortal.Infrastructure.Bounces.Mailbox;
using MxPortal.Infrastructure.Tests.Data;

namespace MxPortal.Infrastructure.Tests.Bounces.Mailbox;

/// <summary>The TLS modes against a Dovecot with a self-signed certificate: pinned, it polls; unpinned, it refuses with a reason.</summary>
[Collection(DataCollection.Name)]
public sealed class BounceMailboxTlsTests(PostgresFixture postgres, TlsDovecotFixture dovecot) : IClassFixture<TlsDovecotFixture>
{
    public static TheoryData<MailProtocol, MailTlsMode> Modes => new()
    {
        { MailProtocol.Pop3, MailTlsMode.SslOnConnect }, { MailProtocol.Pop3, MailTlsMode.StartTls },
        { MailProtocol.Imap, MailTlsMode.SslOnConnect }, { MailProtocol.Imap, MailTlsMode.StartTls },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task TrustedCertificate_PollsOverTls(MailProtocol protocol, MailTlsMode tls)
    {
        await using var t = await CreateAsync(protocol, tls);
        t.Deliver("lhost-exim-01.eml");
        var pinned = new MailKitBounceMailboxConnector((_, cert, _, _) => cert?.GetCertHashString() == dovecot.Server.CertificateThumbprint);

        var result = await t.PollAsync(pinned);

        Assert.Equal(new MailboxPollResult(MailboxPollOutcome.Completed, Recorded: 1), result);
        Assert.Equal(0, t.InMailbox);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task UntrustedCertificate_IsAFailedResultNamingTls_AndTheMailStays(MailProtocol protocol, MailTlsMode tls)
    {
        await using var t = await CreateAsync(protocol, tls);
        t.Deliver("lhost-exim-01.eml");

        var result = await t.PollAsync(); // the system's trust store does not know the self-signed certificate

        Assert.Equal(MailboxPollOutcome.Failed, result.Outcome);
        Assert.Contains("TLS handshake failed", result.Error);
        Assert.Equal(1, t.InMailbox);
        await using var db = await t.DbAsync();
        Assert.Empty(await db.ProcessedBounceMails.ToListAsync());
    }

    private Task<MailboxTestContext> CreateAsync(MailProtocol protocol, MailTlsMode tls)
    {
        var ports = dovecot.Server.Ports;
        var port = (protocol, tls) switch
        {
            (MailProtocol.Imap, MailTlsMode.SslOnConnect) => ports.Imaps,
            (MailProtocol.Pop3, MailTlsMode.SslOnConnect) => ports.Pop3s,
            (MailProtocol.Imap, _) => ports.Imap,
            _ => ports.Pop3,
        };
        return MailboxTestContext.CreateAsync("Sqlite", postgres, dovecot.Server, protocol,
            adjust: s => s with { Tls = tls, Port = port, Host = "localhost" });
    }
}
