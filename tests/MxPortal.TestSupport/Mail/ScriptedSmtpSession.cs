using System.Text;

namespace MxPortal.TestSupport.Mail;

/// <summary>One SMTP conversation of a <see cref="ScriptedSmtpServer"/>. Returns how many messages it accepted.</summary>
internal sealed class ScriptedSmtpSession(SmtpScript script, StreamReader reader, StreamWriter writer, CancellationToken ct)
{
    private string _helo = "", _from = "";
    private readonly List<string> _recipients = [];

    /// <param name="quitting">called when the client says QUIT, before the 221: from then on the client may count the
    /// connection as closed and open another, so a server counting open connections must stop counting this one.</param>
    public async Task<int> RunAsync(Action<ReceivedSmtpMessage> accept, Action? quitting = null)
    {
        var accepted = 0;
        await ReplyAsync(script.Greeting);
        if (!script.Greeting.StartsWith('2')) return 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    _helo = line[5..].Trim();
                    var lines = new[] { "250-mx.test greets " + _helo }.Concat(script.Extensions.Select(e => "250-" + e)).ToList();
                    lines[^1] = "250 " + lines[^1][4..];
                    await ReplyAsync(string.Join("\r\n", lines));
                    break;
                case "HELO":
                    _helo = line[5..].Trim();
                    await ReplyAsync("250 mx.test");
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
                        accept(new ReceivedSmtpMessage(_from, _recipients.ToList(), content, _helo));
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

    private async Task<string> ReadContentAsync()
    {
        var content = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
            content.Append(line.StartsWith("..") ? line[1..] : line).Append("\r\n");
        return content.ToString();
    }

    private async Task ReplyAsync(string reply)
    {
        if (script.ReplyDelay > TimeSpan.Zero) await Task.Delay(script.ReplyDelay, ct);
        await writer.WriteLineAsync(reply);
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }
}
