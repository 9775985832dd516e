using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// One SMTP connection from a sending identity to an MX host, with the MX rule's timeouts and TLS mode. Several
/// messages go over it (the rule's messages-per-connection is the caller's count); MailKit pipelines MAIL/RCPT/DATA
/// when the server offers PIPELINING.
/// </summary>
public sealed class SmtpConnection : IAsyncDisposable
{
    private readonly SmtpClient _client;
    private readonly MxRule _rule;

    private SmtpConnection(SmtpClient client, SmtpTarget target, MxRule rule)
    {
        _client = client;
        _rule = rule;
        Target = target;
    }

    public SmtpTarget Target { get; }
    public int MessagesSent { get; private set; }

    /// <summary>Mail transactions started on this connection, accepted or not: what messages-per-connection counts.</summary>
    public int Transactions { get; private set; }
    private bool _disposed;
    public bool IsUsable => _client.IsConnected;

    /// <summary>Connects, reads the greeting, says EHLO with the identity's HELO name and applies the TLS mode.</summary>
    public static async Task<(SmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(
        SmtpTarget target, SendingIdentity identity, MxRule rule, CancellationToken ct)
    {
        var client = new SmtpClient
        {
            LocalDomain = identity.HeloName,
            Timeout = (int)rule.Timeout.TotalMilliseconds,
            // Note: MTA-to-MTA TLS is opportunistic; certificates of MX hosts are rarely valid for their names.
            ServerCertificateValidationCallback = (_, _, _, _) => true,
        };
        if (IPAddress.TryParse(identity.SourceIp, out var source) && !source.Equals(IPAddress.Any))
            client.LocalEndPoint = new IPEndPoint(source, 0);
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(rule.ConnectionTimeout);
        try
        {
            await client.ConnectAsync(target.Address.ToString(), target.Port, SocketOptions(rule.Tls), connectTimeout.Token);
            return (new SmtpConnection(client, target, rule), null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            client.Dispose();
            var stage = e is SmtpCommandException ? SmtpStage.Greeting : rule.Tls == TlsMode.Required && e is NotSupportedException ? SmtpStage.Tls : SmtpStage.Connect;
            return (null, SmtpErrors.From(e, stage, rule.ConnectionTimeout));
        }
    }

    /// <summary>Sends one message to one recipient with the given envelope sender (the VERP return path).</summary>
    public async Task<SmtpSendResult> SendAsync(MimeMessage message, string envelopeFrom, string recipient, CancellationToken ct)
    {
        // Note: the data timeout covers the content upload; every other step keeps the rule's plain timeout.
        _client.Timeout = (int)Math.Max(_rule.Timeout.TotalMilliseconds, _rule.DataTimeout.TotalMilliseconds);
        Transactions++;
        try
        {
            var reply = await _client.SendAsync(message, MailboxAddress.Parse(envelopeFrom), [MailboxAddress.Parse(recipient)], ct);
            MessagesSent++;
            return SmtpSendResult.Ok(string.IsNullOrWhiteSpace(reply) ? "250 Ok" : reply.StartsWith("250") ? reply : "250 " + reply);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failure = SmtpErrors.From(e, SmtpStage.Data, _rule.DataTimeout);
            // A refused recipient leaves the session usable; MailKit has already sent RSET.
            return SmtpSendResult.Failed(failure);
        }
        finally
        {
            _client.Timeout = (int)_rule.Timeout.TotalMilliseconds;
        }
    }

    /// <summary>QUIT when the connection has carried its share of messages, or when the engine is done with it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (_client.IsConnected)
            {
                using var quit = new CancellationTokenSource(_rule.Timeout);
                await _client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException)
        {
            // Note: a QUIT that fails changes nothing about what was delivered.
        }
        _client.Dispose();
    }

    private static SecureSocketOptions SocketOptions(TlsMode mode) => mode switch
    {
        TlsMode.Disabled => SecureSocketOptions.None,
        TlsMode.Required => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
