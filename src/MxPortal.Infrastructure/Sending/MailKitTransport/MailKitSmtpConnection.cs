using MailKit;
using MimeKit;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending.MailKitTransport;

/// <summary>
/// One SMTP connection through MailKit's <c>SmtpClient</c>: the identity's source address (bound on our own socket) and
/// EHLO name (<c>LocalDomain</c>), the rule's TLS mode and timeouts; MailKit pipelines MAIL and RCPT when the server
/// offers PIPELINING. Each message is loaded into the connection's one <see cref="PreEncodedMessage"/> (the delivery's pre-encoded bytes), so no
/// MIME message is built, prepared, measured or serialized per recipient. Replies and failures come out as the native
/// client's (<see cref="SmtpSendResult"/>, <see cref="SmtpFailure"/> with code and text), so bounce classification,
/// retries and back-offs behave the same.
/// </summary>
public sealed class MailKitSmtpConnection : ISmtpConnection
{
    private readonly BulkSmtpClient _client;
    private readonly TimeSpan _timeout;
    private readonly PreEncodedBody _body = new();
    private readonly MimeMessage _message;
    private bool _broken, _disposed;

    private MailKitSmtpConnection(BulkSmtpClient client, SmtpTarget target, TimeSpan timeout)
    {
        _client = client;
        _timeout = timeout;
        _message = PreEncodedMessage.Create(_body);
        Target = target;
    }

    public SmtpTarget Target { get; }
    public int MessagesSent { get; private set; }
    public int Transactions { get; private set; }
    public SmtpFailure? TlsFallback { get; private init; }

    /// <summary>
    /// Connects from the identity's source address (our own socket, so the TLS handshake can name the MX host while
    /// the connection goes to the address chosen), reads the greeting, says EHLO (HELO if refused) and applies the TLS
    /// mode within the rule's connection timeout. MailKit fails a connection whose STARTTLS is refused or whose
    /// handshake fails; with opportunistic TLS the same address is then tried in plain text on a new connection
    /// (<see cref="OpportunisticTls"/>).
    /// </summary>
    public static Task<(MailKitSmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(
        SmtpTarget target, SendingIdentity identity, MxRule rule, CancellationToken ct) =>
        OpportunisticTls.OpenAsync(rule, ct, (tls, fallback, deadline) => OpenAsync(target, identity, rule, tls, fallback, deadline, ct));

    private static async Task<(MailKitSmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(
        SmtpTarget target, SendingIdentity identity, MxRule rule, TlsMode tls, SmtpFailure? fallback, CancellationToken deadline, CancellationToken ct)
    {
        var client = new BulkSmtpClient(new StageTracker())
        {
            LocalDomain = identity.HeloName,
            // Note: the deadline alone bounds the opening; a stream timeout racing it could end a stalled TLS handshake
            // before the deadline is seen and start a plain-text retry with no time left.
            Timeout = Timeout.Infinite,
            // Note: MTA-to-MTA TLS is opportunistic; certificates of MX hosts are rarely valid for their names.
            ServerCertificateValidationCallback = (_, _, _, _) => true,
            CheckCertificateRevocation = false,
        };
        try
        {
            var socket = await SmtpSocket.ConnectAsync(target, identity, deadline);
            try
            {
                await client.ConnectAsync(socket, target.HostName, target.Port, MailKitSmtpTransport.SecureSocket(tls), deadline);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            var timeout = rule.DataTimeout > rule.Timeout ? rule.DataTimeout : rule.Timeout;
            client.Timeout = Milliseconds(timeout);
            return (new MailKitSmtpConnection(client, target, timeout) { TlsFallback = fallback }, null);
        }
        catch (Exception e) when (!MailKitErrors.IsCancellation(e) || !ct.IsCancellationRequested)
        {
            var stage = client.Stage.Current is SmtpStage.Greeting or SmtpStage.Helo or SmtpStage.Tls ? client.Stage.Current : SmtpStage.Connect;
            if (stage == SmtpStage.Helo && client.Stage.StartTlsSent && e is not MailKit.Net.Smtp.SmtpCommandException) stage = SmtpStage.Tls;
            var failure = MailKitErrors.From(e, stage, rule.ConnectionTimeout);
            client.Dispose();
            // Note: like the native client, a timeout or lost connection before EHLO completed is a connect failure.
            return (null, failure.ReplyCode == 0 && failure.Stage == SmtpStage.Greeting ? failure with { Stage = SmtpStage.Connect } : failure);
        }
    }

    public async Task<SmtpSendResult> SendAsync(MessageContent content, string envelopeFrom, string recipient, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Transactions++;
        _client.Stage.Current = SmtpStage.MailFrom;
        _body.Load(content);
        try
        {
            var reply = await _client.SendAsync(MessageContent.Format, _message, Mailbox(envelopeFrom), [Mailbox(recipient)], ct);
            MessagesSent++;
            return SmtpSendResult.Ok(MailKitErrors.Reply(250, reply));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failure = MailKitErrors.From(e, _client.Stage.Current, _timeout);
            if (failure.BreaksConnection || !_client.IsConnected) _broken = true;
            return SmtpSendResult.Failed(failure);
        }
    }

    // Note: the address as given (the store holds normalized addresses); no display name, no parsing.
    private static MailboxAddress Mailbox(string address) => new(string.Empty, address);

    private static int Milliseconds(TimeSpan t) => (int)Math.Clamp(t.TotalMilliseconds, 1, int.MaxValue);

    /// <summary>QUIT, unless the connection is already unusable.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (!_broken && _client.IsConnected) await _client.DisconnectAsync(quit: true);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or TimeoutException or ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            // Note: a QUIT that fails changes nothing about what was delivered.
        }
        _client.Dispose();
        _message.Dispose();
    }
}
