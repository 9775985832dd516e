using System.Text;

namespace MxPortal.Infrastructure.Sending;

/// <summary>One SMTP reply: its code and its lines joined by spaces, as sent ("250 2.0.0 Ok: queued as 4F2").</summary>
internal readonly record struct SmtpReply(int Code, string Text)
{
    public bool IsPositive => Code is >= 200 and < 400;
}

/// <summary>
/// Reads SMTP replies (RFC 5321 §4.2: <c>250-…</c> continuation lines, then <c>250 …</c>) from a stream through one
/// buffer, so a pipelined group's replies that arrive in one read are parsed without another read.
/// </summary>
internal sealed class SmtpReplyReader(Stream stream)
{
    private const int MaxReplyBytes = 64 * 1024;
    private readonly byte[] _buffer = new byte[4096];
    private int _start, _end;

    public Stream Stream { get; set; } = stream;

    /// <summary>Bytes read but not consumed (must be none before a TLS handshake).</summary>
    public int Buffered => _end - _start;

    /// <summary>Reads one reply; <paramref name="lines"/>, when given, receives each line's text without the code.</summary>
    public async ValueTask<SmtpReply> ReadAsync(CancellationToken ct, List<string>? lines = null)
    {
        var text = new StringBuilder();
        var total = 0;
        while (true)
        {
            var line = await ReadLineAsync(ct);
            total += line.Length;
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || code < 100 || code > 599)
                throw new SmtpWireException("protocol error: malformed reply '" + Clip(line) + "'");
            lines?.Add(line.Length > 4 ? line[4..] : "");
            if (text.Length == 0) text.Append(line.AsSpan(0, 3)).Append(' ').Append(line.Length > 4 ? line.AsSpan(4) : "");
            else text.Append(' ').Append(line.Length > 4 ? line.AsSpan(4) : "");
            if (line.Length == 3 || line[3] != '-') return new SmtpReply(code, text.ToString().TrimEnd());
            if (total > MaxReplyBytes) throw new SmtpWireException("protocol error: reply too long");
        }
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken ct)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var end = newline > _start && _buffer[newline - 1] == '\r' ? newline - 1 : newline;
                var line = Encoding.Latin1.GetString(_buffer, _start, end - _start);
                _start = newline + 1;
                return line;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length) throw new SmtpWireException("protocol error: reply line too long");
            var read = await Stream.ReadAsync(_buffer.AsMemory(_end), ct);
            if (read == 0) throw new IOException("the server closed the connection");
            _end += read;
        }
    }

    private static string Clip(string line) => line.Length <= 100 ? line : line[..100];
}

/// <summary>The server spoke something that is not SMTP.</summary>
internal sealed class SmtpWireException(string message) : Exception(message);
