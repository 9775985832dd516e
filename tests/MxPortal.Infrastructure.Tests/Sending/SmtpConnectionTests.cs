using System.Net;
using System.Text;
using MimeKit;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Sending;
using MxPortal.TestSupport;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Sending;

/// <summary>One SMTP connection against a scripted server, with each transport (<c>Sending:Transport</c>).</summary>
public sealed class SmtpConnectionTests
{
    internal static readonly SendingIdentity Identity = new() { PublicId = 1, SourceIp = "127.0.0.1", HeloName = "out1.sender.test" };
    internal static readonly MxRule Rule = new() { Mask = "*", ConnectionTimeout = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(2), DataTimeout = TimeSpan.FromSeconds(2), Tls = TlsMode.Disabled };

    internal static MessageContent Message(string to)
    {
        var m = new MimeMessage { Subject = "Hello" };
        m.From.Add(MailboxAddress.Parse("news@sender.test"));
        m.To.Add(MailboxAddress.Parse(to));
        m.Body = new TextPart("plain") { Text = "Hi\r\n.leading dot\r\n" };
        return MessageContent.From(m);
    }

    private static SmtpTarget Target(ScriptedSmtpServer server) => new("mx.test", server.EndPoint.Address, server.EndPoint.Port);

    private static async Task<ISmtpConnection> OpenAsync(SmtpTransportKind transport, ScriptedSmtpServer server, SendingIdentity? identity = null, MxRule? rule = null)
    {
        var (connection, failure) = await SmtpTransports.For(transport).OpenAsync(Target(server), identity ?? Identity, rule ?? Rule, CancellationToken.None);
        Assert.Null(failure);
        return connection!;
    }

    [Theory, BothTransports]
    public async Task Send_Accepted_ServerSeesEnvelopeHeloAndContent(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript());
        await using (var connection = await OpenAsync(transport, server))
        {
            var result = await connection.SendAsync(Message("a@example.test"), "bounce+tok1@sender.test", "a@example.test", CancellationToken.None);
            Assert.True(result.Accepted);
            Assert.StartsWith("250", result.AcceptedReply);
        }

        var received = Assert.Single(server.Messages);
        Assert.Equal(("bounce+tok1@sender.test", "out1.sender.test"), (received.MailFrom, received.Helo));
        Assert.Equal(["a@example.test"], received.Recipients);
        Assert.Contains(".leading dot", received.Content);
    }

    [Theory, BothTransports]
    public async Task PreEncodedContent_ArrivesAsIs_HeadThenSharedPart_DotsIntact(SmtpTransportKind transport)
    {
        const string head = "To: a@example.test\r\nMessage-ID: <1.2@sender.test>\r\n";
        const string shared = "From: news@sender.test\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n\r\n.dot first\r\nmiddle\r\n..two dots\r\n.\r\nend\r\n";
        var content = new MessageContent(Encoding.ASCII.GetBytes(head), DotStuffing.Apply(Encoding.ASCII.GetBytes(shared)));
        await using var server = new ScriptedSmtpServer(new SmtpScript());
        await using (var connection = await OpenAsync(transport, server))
            Assert.True((await connection.SendAsync(content, "b@sender.test", "a@example.test", CancellationToken.None)).Accepted);

        Assert.Equal(head + shared, Assert.Single(server.Messages).Content);
    }

    [Theory, BothTransports]
    public async Task ManyMessages_GoOverOneConnection(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript());
        await using (var connection = await OpenAsync(transport, server))
        {
            for (var i = 0; i < 5; i++)
                Assert.True((await connection.SendAsync(Message($"r{i}@example.test"), "b@sender.test", $"r{i}@example.test", CancellationToken.None)).Accepted);
            Assert.Equal(5, connection.MessagesSent);
        }
        Assert.Equal(1, server.Connections);
        await WaitForAsync(() => server.MessagesPerConnection.Count == 1);
        Assert.Equal([5], server.MessagesPerConnection);
    }

    public static TheoryData<string, SmtpStage, int> RecipientRefusals => new()
    {
        { "550 5.1.1 <x@example.test>: Recipient address rejected: User unknown", SmtpStage.RcptTo, 550 },
        { "452 4.2.2 Mailbox full", SmtpStage.RcptTo, 452 },
    };

    [Theory, BothTransports(nameof(RecipientRefusals))]
    public async Task RefusedRecipient_IsAFailureOfThatRecipient_AndTheConnectionGoesOn(SmtpTransportKind transport, string reply, SmtpStage stage, int code)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { RecipientReply = r => r.StartsWith("bad") ? reply : null });
        await using var connection = await OpenAsync(transport, server);

        var refused = await connection.SendAsync(Message("bad@example.test"), "b@sender.test", "bad@example.test", CancellationToken.None);
        var next = await connection.SendAsync(Message("good@example.test"), "b@sender.test", "good@example.test", CancellationToken.None);

        Assert.Equal((stage, code), (refused.Failure!.Stage, refused.Failure.ReplyCode));
        Assert.Equal(reply, refused.Failure.ToString());
        Assert.False(refused.Failure.BreaksConnection);
        Assert.True(next.Accepted);
    }

    [Theory, BothTransports]
    public async Task DataRefused_IsADataFailure(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { DataReply = _ => "451 4.7.1 Please try again later" });
        await using var connection = await OpenAsync(transport, server);

        var result = await connection.SendAsync(Message("a@example.test"), "b@sender.test", "a@example.test", CancellationToken.None);

        Assert.Equal((SmtpStage.Data, 451), (result.Failure!.Stage, result.Failure.ReplyCode));
        Assert.Contains("4.7.1", result.Failure.Text);
    }

    [Theory, BothTransports]
    public async Task Greeting421_FailsTheConnectionAndPointsToTheBackupMx(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { Greeting = "421 4.7.0 Too many connections, try later" });

        var (connection, failure) = await SmtpTransports.For(transport).OpenAsync(Target(server), Identity, Rule, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal((SmtpStage.Greeting, 421), (failure!.Stage, failure.ReplyCode));
        Assert.True(failure.TriesBackupMx);
    }

    [Theory, BothTransports]
    public async Task NothingListening_IsAConnectFailure(SmtpTransportKind transport)
    {
        var port = FreePort.Next();

        var (connection, failure) = await SmtpTransports.For(transport).OpenAsync(new SmtpTarget("mx.test", IPAddress.Loopback, port), Identity, Rule, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal(SmtpStage.Connect, failure!.Stage);
        Assert.Contains("refused", failure.Text);
        Assert.True(failure.TriesBackupMx);
    }

    [Theory, BothTransports]
    public async Task SlowGreeting_TimesOutAfterTheRulesConnectionTimeout(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { ReplyDelay = TimeSpan.FromSeconds(5) });
        var rule = Rule with { ConnectionTimeout = TimeSpan.FromMilliseconds(500) };

        var (connection, failure) = await SmtpTransports.For(transport).OpenAsync(Target(server), Identity, rule, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal((SmtpStage.Connect, "timeout after 0.5s"), (failure!.Stage, failure.Text));
    }

    [Theory, BothTransports]
    public async Task DroppedConnection_IsAFailureThatBreaksTheConnection(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript { DropAfterMessages = 1 });
        await using var connection = await OpenAsync(transport, server);
        Assert.True((await connection.SendAsync(Message("a@example.test"), "b@sender.test", "a@example.test", CancellationToken.None)).Accepted);

        var dropped = await connection.SendAsync(Message("b@example.test"), "b@sender.test", "b@example.test", CancellationToken.None);

        Assert.False(dropped.Accepted);
        Assert.True(dropped.Failure!.BreaksConnection);
        Assert.Single(server.Messages);
    }

    [Theory, BothTransports]
    public async Task SourceAddressOfTheIdentity_IsUsed(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript());
        var identity = Identity with { SourceIp = "127.0.0.2" };
        await using (var connection = await OpenAsync(transport, server, identity))
            Assert.True((await connection.SendAsync(Message("a@example.test"), "b@sender.test", "a@example.test", CancellationToken.None)).Accepted);

        Assert.Equal("127.0.0.2", Assert.Single(server.Messages).ClientAddress);
    }

    [Theory, BothTransports]
    public async Task TlsRequired_ServerWithoutStartTls_IsRefusedBeforeAnyMessage(SmtpTransportKind transport)
    {
        await using var server = new ScriptedSmtpServer(new SmtpScript());

        var (connection, failure) = await SmtpTransports.For(transport).OpenAsync(Target(server), Identity, Rule with { Tls = TlsMode.Required }, CancellationToken.None);

        Assert.Null(connection);
        Assert.Equal(SmtpStage.Tls, failure!.Stage);
        Assert.Empty(server.Messages);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
