using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MxPortal.Infrastructure.Sync;

namespace MxPortal.Web.Tests.Sync;

/// <summary>
/// A tiny HTTP/1.1 proxy on a loopback port between a client instance and the publisher, playing the network's
/// failures: it forwards, alters the feed's bytes, swaps the API key, re-signs with another key, injects an invalid
/// regex and re-signs with the publisher's own key, hangs after accepting, or is down (its port closed).
/// </summary>
public sealed class FeedProxy : IAsyncDisposable
{
    public enum Mode { Forward, Tamper, WrongApiKey, WrongSigningKey, InvalidRegexSigned, Hang, Down }

    private readonly Uri _upstream;
    private readonly ECDsa _publisherKey;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly int _port;
    private TcpListener? _listener;
    private Mode _mode;

    public FeedProxy(Uri upstream, ECDsa publisherKey)
    {
        _upstream = upstream;
        _publisherKey = publisherKey;
        _listener = Listen(0);
        _port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener);
    }

    public Uri Address => new($"http://127.0.0.1:{_port}/");

    /// <summary>Status codes the publisher answered to feed requests, in order.</summary>
    public ConcurrentQueue<int> FeedStatuses { get; } = new();

    public Mode Current
    {
        get => _mode;
        set
        {
            if (value == Mode.Down && _listener is not null)
            {
                _listener.Stop();
                _listener = null;
            }
            else if (value != Mode.Down && _listener is null)
            {
                _listener = Listen(_port);
                _ = AcceptAsync(_listener);
            }
            _mode = value;
        }
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                var stream = connection.GetStream();
                var (method, path, headers, body) = await ReadRequestAsync(stream);
                if (_mode == Mode.Hang)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                var response = await ForwardAsync(method, path, headers, body);
                await stream.WriteAsync(response, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The client gave up (its timeout) or the test ended.
            }
        }
    }

    private async Task<byte[]> ForwardAsync(string method, string path, Dictionary<string, string> headers, byte[] body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(_upstream, path));
        foreach (var (name, value) in headers)
            if (name is "authorization" or "if-none-match" or "user-agent" or "accept") request.Headers.TryAddWithoutValidation(name, value);
        if (_mode == Mode.WrongApiKey) request.Headers.Authorization = new("Bearer", "mxp_not-the-key-of-this-client");
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", headers.GetValueOrDefault("content-type", "application/json"));
        }
        using var response = await _http.SendAsync(request, _stop.Token);
        var content = await response.Content.ReadAsByteArrayAsync(_stop.Token);
        var extra = new Dictionary<string, string>();
        foreach (var h in response.Headers) extra[h.Key] = string.Join(", ", h.Value);
        foreach (var h in response.Content.Headers) extra[h.Key] = string.Join(", ", h.Value);
        if (path.EndsWith(HttpRuleFeed.RulesPath, StringComparison.Ordinal))
        {
            FeedStatuses.Enqueue((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK) content = Alter(content, extra);
        }
        return Serialize((int)response.StatusCode, response.ReasonPhrase ?? "", extra, content);
    }

    private byte[] Alter(byte[] feed, Dictionary<string, string> headers)
    {
        switch (_mode)
        {
            case Mode.Tamper:
                // A man in the middle raises one limit: one character of the body.
                return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(feed).Replace("\"messagesPerHour\":", "\"messagesPerHour\":9", StringComparison.Ordinal));
            case Mode.WrongSigningKey:
                using (var other = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    headers[FeedSignature.SignatureHeader] = FeedSignature.Sign(other, feed);
                    headers[FeedSignature.KeyIdHeader] = FeedSignature.KeyId(other);
                }
                return feed;
            case Mode.InvalidRegexSigned:
                var document = JsonNode.Parse(feed)!;
                document["bounceRules"]!["rules"]!.AsArray().Add(JsonNode.Parse(
                    """{"name":"broken by the publisher","pattern":"(unclosed [group","type":"Hard","reason":"User unknown"}"""));
                var signed = Encoding.UTF8.GetBytes(document.ToJsonString());
                headers[FeedSignature.SignatureHeader] = FeedSignature.Sign(_publisherKey, signed);
                return signed;
            default:
                return feed;
        }
    }

    private static byte[] Serialize(int status, string reason, Dictionary<string, string> headers, byte[] body)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers)
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                && !name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
                head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (status != 304) head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. status == 304 ? [] : body];
    }

    private async Task<(string Method, string Path, Dictionary<string, string> Headers, byte[] Body)> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!(buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0) throw new IOException("closed before the request ended");
            buffer.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var parts = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim());
        var body = new byte[int.Parse(headers.GetValueOrDefault("content-length", "0"), System.Globalization.CultureInfo.InvariantCulture)];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return (parts[0], parts[1], headers, body);
    }

    public ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener?.Stop();
        _http.Dispose();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
