using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Sending;
using MxPortal.TestSupport.Mail;
using static MxPortal.Infrastructure.Tests.Sending.SmtpConnectionTests;

namespace MxPortal.Infrastructure.Tests.Sending;

/// <summary>
/// STARTTLS with each transport against a scripted server that does a real TLS handshake (self-signed certificate):
/// the rule's TLS mode, the server name sent (SNI), a refused STARTTLS and a handshake that fails.
/// </summary>
public sealed class SmtpTlsTests
{
    private const string MxHost = "mx1.example.test";

    private static SmtpTarget Target(ScriptedSmtpServer server) => new(MxHost, server.EndPoint.Address, server.EndPoint.Port);

    private static Task<(ISmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(SmtpTransportKind transport, ScriptedSmtpServer server, TlsMode tls) =>
        SmtpTransports.For(transport).OpenAsync(Target(server), SmtpConnectionTests.Identity, Rule with { Tls = tls }, CancellationToken.None);

    /// <summary>Opens a connection with the TLS mode, sends one message and returns what the server received.</summary>
    private static async Task<ReceivedSmtpMessage> DeliverAsync(SmtpTransportKind transport, ScriptedSmtpServer server, TlsMode tls)
    {
        var (connection, failure) = await OpenAsync(transport, server, tls);
        Assert.Null(failure);
        await using (connection)
            Assert.True((await connection!.SendAsync(Message("a@example.test"), "b@sender.test", "a@example.test", CancellationToken.None)).Accepted);
        return Assert.Single(server.Messages);
    }

    public static TheoryData<TlsMode> TlsModes => [TlsMode.Opportunistic, TlsMode.Default, TlsMode.Required];

    [Theory, BothTransports(nameof(TlsModes))]
    public async Task StartTlsOffered_TheMessageGoesOverTls_OnOneConnection_AndTheServerSeesTheMxHostName(SmtpTransportKind transport, TlsMode tls)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = ScriptedStartTls.Offered });

        var received = await DeliverAsync(transport, server, tls);

        Assert.True(received.OverTls);
        Assert.Equal(MxHost, received.TlsServerName);
        Assert.Equal("out1.sender.test", received.Helo);
        Assert.Equal(1, server.Connections);
    }

    [Theory, BothTransports]
    public async Task Disabled_StartTlsOffered_TheMessageGoesInPlainText(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = ScriptedStartTls.Offered });

        Assert.False((await DeliverAsync(transport, server, TlsMode.Disabled)).OverTls);
    }

    [Theory, BothTransports]
    public async Task Opportunistic_StartTlsRefused_TheMessageGoesInPlainText(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = ScriptedStartTls.Refused });

        Assert.False((await DeliverAsync(transport, server, TlsMode.Opportunistic)).OverTls);
    }

    [Theory, BothTransports]
    public async Task Required_StartTlsRefused_IsATlsFailureWithTheReply_BeforeAnyMessage(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = ScriptedStartTls.Refused });

        var (connection, failure) = await OpenAsync(transport, server, TlsMode.Required);

        Assert.Null(connection);
        Assert.Equal((SmtpStage.Tls, 454), (failure!.Stage, failure.ReplyCode));
        Assert.Equal("454 4.7.0 TLS not available", failure.ToString());
        Assert.Empty(server.Messages);
    }

    public static TheoryData<ScriptedStartTls> TlsBreakdowns => [ScriptedStartTls.BrokenHandshake, ScriptedStartTls.ClosesAfterHandshake];

    [Theory, BothTransports(nameof(TlsBreakdowns))]
    public async Task Opportunistic_TlsFails_TheMessageGoesInPlainTextOverANewConnection(SmtpTransportKind transport, ScriptedStartTls breakdown)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = breakdown });

        var received = await DeliverAsync(transport, server, TlsMode.Opportunistic);

        Assert.False(received.OverTls);
        Assert.Equal(2, server.Connections);
        Assert.Equal(2, received.ConnectionNumber);
    }

    [Theory, BothTransports(nameof(TlsBreakdowns))]
    public async Task Opportunistic_TlsFails_ThePlainTextConnectionCarriesTheTlsFailure(SmtpTransportKind transport, ScriptedStartTls breakdown)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = breakdown });

        var (connection, failure) = await OpenAsync(transport, server, TlsMode.Opportunistic);
        await using (connection)
        {
            Assert.Null(failure);
            Assert.Equal(SmtpStage.Tls, connection!.TlsFallback?.Stage);
        }
    }

    [Theory, BothTransports]
    public async Task Opportunistic_StartTlsRefused_TheConnectionCarriesTheRefusal(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = ScriptedStartTls.Refused });

        var (connection, _) = await OpenAsync(transport, server, TlsMode.Opportunistic);
        await using (connection)
            Assert.Equal("454 4.7.0 TLS not available", connection!.TlsFallback?.ToString());
    }

    public static TheoryData<ScriptedStartTls> TlsInUseOrNotOffered => [ScriptedStartTls.Offered, ScriptedStartTls.NotOffered];

    [Theory, BothTransports(nameof(TlsInUseOrNotOffered))]
    public async Task Opportunistic_TlsInUseOrNotOffered_NoFallbackIsRecorded(SmtpTransportKind transport, ScriptedStartTls startTls)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = startTls });

        var (connection, _) = await OpenAsync(transport, server, TlsMode.Opportunistic);
        await using (connection)
            Assert.Null(connection!.TlsFallback);
    }

    [Theory, BothTransports(nameof(TlsBreakdowns))]
    public async Task Required_TlsFails_IsATlsFailureThatTriesTheBackupMx_WithoutAPlainTextRetry(SmtpTransportKind transport, ScriptedStartTls breakdown)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = breakdown });

        var (connection, failure) = await OpenAsync(transport, server, TlsMode.Required);

        Assert.Null(connection);
        Assert.Equal((SmtpStage.Tls, 0), (failure!.Stage, failure.ReplyCode));
        Assert.True(failure.TriesBackupMx);
        Assert.Equal(1, server.Connections);
        Assert.Empty(server.Messages);
    }

    [Theory, BothTransports]
    public async Task Opportunistic_HandshakeStalls_TimesOutWithinTheConnectionTimeout_WithoutAPlainTextRetry(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { StartTls = ScriptedStartTls.StallsHandshake });
        var rule = Rule with { Tls = TlsMode.Opportunistic, ConnectionTimeout = TimeSpan.FromMilliseconds(500) };

        var (connection, failure) = await SmtpTransports.For(transport).OpenAsync(Target(server), SmtpConnectionTests.Identity, rule, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal((SmtpStage.Tls, "timeout after 0.5s"), (failure!.Stage, failure.Text));
        Assert.Equal(1, server.Connections);
    }
}
