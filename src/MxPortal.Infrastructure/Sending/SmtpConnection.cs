using System.Buffers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// One SMTP connection from a sending identity to an MX host, with the MX rule's timeouts and TLS mode. Several
/// messages go over it (the rule's messages-per-connection is the caller's count). Built for bulk sending: with
/// PIPELINING (RFC 2920) a message costs two writes and two round trips (MAIL, RCPT and DATA in one; the content
/// and its final dot in the other), and the content is the pre-serialized <see cref="MessageContent"/>, copied as is.
/// </summary>
public sealed class SmtpConnection : ISmtpConnection
{
    private readonly Socket _socket;
    private readonly MxRule _rule;
    private readonly SmtpReplyReader _reader;
    private readonly HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource _timeout = new();
    private Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(8192);
    private bool _broken, _disposed;

    private SmtpConnection(Socket socket, SmtpTarget target, MxRule rule)
    {
        _socket = socket;
        _rule = rule;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = new SmtpReplyReader(_stream);
        Target = target;
    }

    public SmtpTarget Target { get; }
    public int MessagesSent { get; private set; }

    public int Transactions { get; private set; }

    public SmtpFailure? TlsFallback { get; private set; }

    public bool IsUsable => !_broken && !_disposed;

    /// <summary>True when the server announced PIPELINING and commands are sent in groups.</summary>
    public bool Pipelining => _extensions.Contains("PIPELINING");

    public bool IsEncrypted => _stream is SslStream;

    /// <summary>
    /// Connects from the identity's source address, reads the greeting, says EHLO (HELO if refused) with the
    /// identity's HELO name and applies the TLS mode, all within the rule's connection timeout; an opportunistic
    /// TLS handshake that fails is retried in plain text on a new connection (<see cref="OpportunisticTls"/>).
    /// </summary>
    public static Task<(SmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(
        SmtpTarget target, SendingIdentity identity, MxRule rule, CancellationToken ct) =>
        OpportunisticTls.OpenAsync(rule, ct, (tls, fallback, deadline) => OpenAsync(target, identity, rule, tls, fallback, deadline, ct));

    private static async Task<(SmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(
        SmtpTarget target, SendingIdentity identity, MxRule rule, TlsMode tls, SmtpFailure? fallback, CancellationToken deadline, CancellationToken ct)
    {
        SmtpConnection? connection = null;
        var stage = SmtpStage.Connect;
        try
        {
            connection = new SmtpConnection(await SmtpSocket.ConnectAsync(target, identity, deadline), target, rule) { TlsFallback = fallback };
            var failure = await connection.HandshakeAsync(identity.HeloName, tls, s => stage = s, deadline);
            if (failure is null) return (connection, null);
            await connection.DisposeAsync();
            return (null, failure);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (connection is not null) await connection.AbortAsync();
            return (null, SmtpErrors.From(e, stage == SmtpStage.Tls ? SmtpStage.Tls : SmtpStage.Connect, rule.ConnectionTimeout));
        }
    }

    private async Task<SmtpFailure?> HandshakeAsync(string helo, TlsMode tls, Action<SmtpStage> stage, CancellationToken ct)
    {
        var greeting = await _reader.ReadAsync(ct);
        if (greeting.Code != 220) return new SmtpFailure(SmtpStage.Greeting, greeting.Code, greeting.Text);
        if (await HelloAsync(helo, ct) is { } refused) return refused;
        if (tls == TlsMode.Disabled) return null;
        if (!_extensions.Contains("STARTTLS"))
            return tls == TlsMode.Required ? new SmtpFailure(SmtpStage.Tls, 0, "TLS required but not offered: the server does not announce STARTTLS") : null;
        stage(SmtpStage.Tls);
        await WriteAsync("STARTTLS\r\n"u8.ToArray(), ct);
        var reply = await _reader.ReadAsync(ct);
        if (reply.Code != 220)
        {
            var notStarted = new SmtpFailure(SmtpStage.Tls, reply.Code, reply.Text);
            if (tls == TlsMode.Required) return notStarted;
            TlsFallback = notStarted;
            return null;
        }
        if (_reader.Buffered > 0) throw new SmtpWireException("protocol error: data after the STARTTLS reply");
        // Note: MTA-to-MTA TLS is opportunistic; certificates of MX hosts are rarely valid for their names.
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = Target.HostName }, ct);
        _stream = _reader.Stream = ssl;
        return await HelloAsync(helo, ct);
    }

    private async Task<SmtpFailure?> HelloAsync(string helo, CancellationToken ct)
    {
        var lines = new List<string>();
        await WriteAsync(Encoding.ASCII.GetBytes($"EHLO {helo}\r\n"), ct);
        var ehlo = await _reader.ReadAsync(ct, lines);
        _extensions.Clear();
        if (ehlo.Code == 250)
        {
            foreach (var line in lines.Skip(1)) _extensions.Add(line.Split(' ', 2)[0]);
            return null;
        }
        if (ehlo.Code is 421 or < 500) return new SmtpFailure(SmtpStage.Helo, ehlo.Code, ehlo.Text);
        await WriteAsync(Encoding.ASCII.GetBytes($"HELO {helo}\r\n"), ct);
        var reply = await _reader.ReadAsync(ct);
        return reply.Code == 250 ? null : new SmtpFailure(SmtpStage.Helo, reply.Code, reply.Text);
    }

    public async Task<SmtpSendResult> SendAsync(MessageContent content, string envelopeFrom, string recipient, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Transactions++;
        var stage = SmtpStage.MailFrom;
        var timeout = _rule.Timeout;
        using var cancel = ct.CanBeCanceled ? ct.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), _timeout) : default;
        try
        {
            var envelope = Envelope(envelopeFrom, recipient);
            Rearm(timeout);
            if (Pipelining)
            {
                await WriteAsync(envelope.Mail, envelope.Rcpt, "DATA\r\n"u8, _timeout.Token);
                var mail = await _reader.ReadAsync(_timeout.Token);
                stage = SmtpStage.RcptTo;
                var rcpt = await _reader.ReadAsync(_timeout.Token);
                stage = SmtpStage.Data;
                var data = await _reader.ReadAsync(_timeout.Token);
                var refused = !mail.IsPositive ? new SmtpFailure(SmtpStage.MailFrom, mail.Code, mail.Text)
                    : !rcpt.IsPositive ? new SmtpFailure(SmtpStage.RcptTo, rcpt.Code, rcpt.Text)
                    : data.Code != 354 ? new SmtpFailure(SmtpStage.Data, data.Code, data.Text) : null;
                if (refused is not null)
                {
                    // Note: a server that said 354 anyway gets an empty message, then the transaction is reset.
                    if (data.Code == 354) { await WriteAsync(".\r\n"u8, default, default, _timeout.Token); await _reader.ReadAsync(_timeout.Token); }
                    return await RefusedAsync(refused);
                }
            }
            else
            {
                await WriteAsync(envelope.Mail, default, default, _timeout.Token);
                var mail = await _reader.ReadAsync(_timeout.Token);
                if (!mail.IsPositive) return await RefusedAsync(new SmtpFailure(SmtpStage.MailFrom, mail.Code, mail.Text));
                stage = SmtpStage.RcptTo;
                await WriteAsync(envelope.Rcpt, default, default, _timeout.Token);
                var rcpt = await _reader.ReadAsync(_timeout.Token);
                if (!rcpt.IsPositive) return await RefusedAsync(new SmtpFailure(SmtpStage.RcptTo, rcpt.Code, rcpt.Text));
                stage = SmtpStage.Data;
                await WriteAsync("DATA\r\n"u8, default, default, _timeout.Token);
                var data = await _reader.ReadAsync(_timeout.Token);
                if (data.Code != 354) return await RefusedAsync(new SmtpFailure(SmtpStage.Data, data.Code, data.Text));
            }
            // Note: the data timeout covers the content upload and the final reply.
            timeout = _rule.DataTimeout > _rule.Timeout ? _rule.DataTimeout : _rule.Timeout;
            Rearm(timeout);
            await WriteAsync(content.Head.Span, content.Shared.Span, ".\r\n"u8, _timeout.Token);
            var final = await _reader.ReadAsync(_timeout.Token);
            Rearm(null);
            if (final.Code / 100 != 2) return Refused(new SmtpFailure(SmtpStage.Data, final.Code, final.Text));
            MessagesSent++;
            return SmtpSendResult.Ok(final.Text);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _broken = true;
            return SmtpSendResult.Failed(SmtpErrors.From(e, stage, timeout));
        }
    }

    /// <summary>A refused step: the transaction is reset so the connection can carry the next message (unless 421).</summary>
    private async Task<SmtpSendResult> RefusedAsync(SmtpFailure failure)
    {
        if (!failure.BreaksConnection)
        {
            Rearm(_rule.Timeout);
            await WriteAsync("RSET\r\n"u8, default, default, _timeout.Token);
            if (!(await _reader.ReadAsync(_timeout.Token)).IsPositive) _broken = true;
        }
        Rearm(null);
        return Refused(failure);
    }

    private SmtpSendResult Refused(SmtpFailure failure)
    {
        if (failure.BreaksConnection) _broken = true;
        return SmtpSendResult.Failed(failure);
    }

    private (byte[] Mail, byte[] Rcpt) Envelope(string from, string to)
    {
        var utf8 = !Ascii.IsValid(from) || !Ascii.IsValid(to);
        var smtpUtf8 = utf8 && _extensions.Contains("SMTPUTF8") ? " SMTPUTF8" : "";
        return (Encoding.UTF8.GetBytes($"MAIL FROM:<{from}>{smtpUtf8}\r\n"), Encoding.UTF8.GetBytes($"RCPT TO:<{to}>\r\n"));
    }

    /// <summary>Restarts the timeout clock, or stops it (null) between operations.</summary>
    private void Rearm(TimeSpan? timeout)
    {
        if (!_timeout.TryReset())
        {
            _timeout.Dispose();
            _timeout = new CancellationTokenSource();
        }
        if (timeout is { } t) _timeout.CancelAfter(t);
    }

    private ValueTask WriteAsync(byte[] bytes, CancellationToken ct) => _stream.WriteAsync(bytes, ct);

    /// <summary>Writes up to three pieces with one write (one segment on the wire when they fit).</summary>
    private ValueTask WriteAsync(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, ReadOnlySpan<byte> c, CancellationToken ct)
    {
        var length = a.Length + b.Length + c.Length;
        if (_buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(length);
        }
        a.CopyTo(_buffer);
        b.CopyTo(_buffer.AsSpan(a.Length));
        c.CopyTo(_buffer.AsSpan(a.Length + b.Length));
        return _stream.WriteAsync(_buffer.AsMemory(0, length), ct);
    }

    /// <summary>QUIT when the connection has carried its share of messages, or when the engine is done with it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        if (!_broken)
        {
            try
            {
                Rearm(_rule.Timeout);
                await WriteAsync("QUIT\r\n"u8, default, default, _timeout.Token);
                await _reader.ReadAsync(_timeout.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or SmtpWireException)
            {
                // Note: a QUIT that fails changes nothing about what was delivered.
            }
        }
        await AbortAsync();
    }

    private async ValueTask AbortAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stream.DisposeAsync();
        _socket.Dispose();
        _timeout.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
