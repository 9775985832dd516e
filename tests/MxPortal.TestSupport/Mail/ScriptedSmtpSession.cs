using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MxPortal.TestSupport.Mail;

/// <summary>
/// One SMTP conversation of a <see cref="ScriptedSmtpServer"/> over <paramref name="stream"/>, which becomes an
/// <see cref="SslStream"/> after STARTTLS (when the script offers it). Returns how many messages it accepted.
/// </summary>
internal sealed class ScriptedSmtpSession(SmtpScript script, Stream stream, X509Certificate2 certificate, CancellationToken ct)
{
    private string _helo = "", _from = "";
    private readonly List<string> _recipients = [];
    private StreamReader _reader = new(stream, Encoding.Latin1);
    private StreamWriter _writer = new(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
    private SslStream? _tls;

    /// <param name="quitting">called when the client says QUIT, before the 221: from then on the client may count the
    /// connection as closed and open another, so a server counting open connections must stop counting this one.</param>
    public async Task<int> RunAsync(Action<ReceivedSmtpMessage> accept, Action? quitting = null)
    {
        try
        {
            return await ConverseAsync(accept, quitting);
        }
        finally
        {
            if (_tls is not null) await _tls.DisposeAsync();
        }
    }

    private async Task<int> ConverseAsync(Action<ReceivedSmtpMessage> accept, Action? quitting)
    {
        var accepted = 0;
        await ReplyAsync(script.Greeting);
        if (!script.Greeting.StartsWith('2')) return 0;
        while (await _reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" when _tls is not null && script.StartTls == ScriptedStartTls.ClosesAfterHandshake:
                    return accepted;
                case "EHLO":
                    _helo = line[5..].Trim();
                    var offered = script.StartTls != ScriptedStartTls.NotOffered && _tls is null ? ["STARTTLS"] : Array.Empty<string>();
                    var lines = new[] { "250-mx.test greets " + _helo }.Concat(script.Extensions.Concat(offered).Select(e => "250-" + e)).ToList();
                    lines[^1] = "250 " + lines[^1][4..];
                    await ReplyAsync(string.Join("\r\n", lines));
                    break;
                case "HELO":
                    _helo = line[5..].Trim();
                    await ReplyAsync("250 mx.test");
                    break;
                case "STARTTLS" when script.StartTls != ScriptedStartTls.NotOffered && _tls is null:
                    if (!await StartTlsAsync()) return accepted;
                    break;
                case "MAIL" when _helo.Length == 0:
                    await ReplyAsync("503 5.5.1 EHLO first");
                    break;
                case "MAIL":
                    _from = Address(line);
                    _recipients.Clear();
                    await ReplyAsync("250 2.1.0 Ok");
                    break;
                case "RCPT":
                    var rcpt = Address(line);
                    var reply = script.RecipientReply(rcpt);
                    if (reply is null) _recipients.Add(rcpt);
                    await ReplyAsync(reply ?? "250 2.1.5 Ok");
                    break;
                case "DATA":
                    if (_recipients.Count == 0) { await ReplyAsync("554 5.5.1 No valid recipients"); break; }
                    await ReplyAsync("354 End data with <CR><LF>.<CR><LF>");
                    var content = await ReadContentAsync();
                    if (script.DropAfterMessages is { } drop && accepted >= drop) return accepted;
                    var dataReply = script.DataReply(_recipients[0]);
                    if (dataReply is null)
                    {
                        accepted++;
                        accept(new ReceivedSmtpMessage(_from, _recipients.ToList(), content, _helo, OverTls: _tls is not null, TlsServerName: _tls?.TargetHostName));
                    }
                    await ReplyAsync(dataReply ?? "250 2.0.0 Ok: queued");
                    break;
                case "RSET":
                    _recipients.Clear();
                    await ReplyAsync("250 2.0.0 Ok");
                    break;
                case "NOOP":
                    await ReplyAsync("250 2.0.0 Ok");
                    break;
                case "QUIT":
                    quitting?.Invoke();
                    await ReplyAsync("221 2.0.0 Bye");
                    return accepted;
                default:
                    await ReplyAsync("502 5.5.2 Command not recognized");
                    break;
            }
        }
        return accepted;
    }

    /// <summary>
    /// STARTTLS as scripted: refused, or "220" and the TLS handshake, after which the session starts over (RFC 3207
    /// §4.2: the client must say EHLO again). False when the script breaks the handshake and the session ends.
    /// </summary>
    private async Task<bool> StartTlsAsync()
    {
        if (script.StartTls == ScriptedStartTls.Refused)
        {
            await ReplyAsync(script.TlsRefusal);
            return true;
        }
        await ReplyAsync("220 2.0.0 Ready to start TLS");
        if (script.StartTls is ScriptedStartTls.BrokenHandshake or ScriptedStartTls.StallsHandshake)
        {
            // Note: after the client's first handshake bytes (its ClientHello), so it fails in the handshake.
            _ = await stream.ReadAtLeastAsync(new byte[512], 1, throwOnEndOfStream: false, ct);
            if (script.StartTls == ScriptedStartTls.StallsHandshake) await Task.Delay(Timeout.Infinite, ct);
            await stream.WriteAsync("this is not TLS\r\n"u8.ToArray(), ct);
            return false;
        }
        _tls = new SslStream(stream, leaveInnerStreamOpen: true);
        await _tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, ct);
        _reader = new StreamReader(_tls, Encoding.Latin1);
        _writer = new StreamWriter(_tls, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        (_helo, _from) = ("", "");
        _recipients.Clear();
        return true;
    }

    private async Task<string> ReadContentAsync()
    {
        var content = new StringBuilder();
        while (await _reader.ReadLineAsync(ct) is { } line && line != ".")
            content.Append(line.StartsWith("..") ? line[1..] : line).Append("\r\n");
        return content.ToString();
    }

    private async Task ReplyAsync(string reply)
    {
        if (script.ReplyDelay > TimeSpan.Zero) await Task.Delay(script.ReplyDelay, ct);
        await _writer.WriteLineAsync(reply);
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }
}
