using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MxPortal.TestSupport.Mail;

/// <summary>
/// A small SMTP server on a loopback address whose replies follow a <see cref="SmtpScript"/>. It records what an
/// MX host would see: concurrent connections (and their peak), messages per connection, every accepted message.
/// Enough protocol for MailKit (EHLO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT), including pipelining,
/// and STARTTLS with a real handshake when the script offers it (<see cref="SmtpScript.StartTls"/>).
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    /// <summary>The host name in the server's self-signed certificate (clients are not expected to check it).</summary>
    public const string CertificateHostName = "mx.test";

    // Note: one certificate per test process; making a key pair per server would cost every test that never uses TLS.
    private static readonly Lazy<X509Certificate2> Certificate = new(() => SelfSignedCertificate.ForServer(CertificateHostName));
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentBag<Task> _sessions = [];
    private int _open, _peak, _connections;

    public ScriptedSmtpServer(SmtpScript script, IPAddress? address = null, int port = 0)
    {
        Script = script;
        _listener = new TcpListener(address ?? IPAddress.Loopback, port);
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _accepting = AcceptAsync();
    }

    public SmtpScript Script { get; set; }
    public IPEndPoint EndPoint { get; }
    public int PeakConnections => Volatile.Read(ref _peak);
    public int Connections => Volatile.Read(ref _connections);
    public ConcurrentQueue<ReceivedSmtpMessage> Messages { get; } = new();

    /// <summary>Messages accepted on each connection, in the order connections closed.</summary>
    public ConcurrentQueue<int> MessagesPerConnection { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _sessions.Add(Task.Run(() => ServeAsync(client)));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var open = Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _connections);
        for (int peak; (peak = Volatile.Read(ref _peak)) < open && Interlocked.CompareExchange(ref _peak, open, peak) != peak;) { }
        var accepted = 0;
        var counted = 1;
        // Note: a session stops counting as open at QUIT (before the 221), not when this task ends: the client may open
        // its next connection as soon as it reads the 221, before this thread gets to its clean-up.
        void Closed()
        {
            if (Interlocked.Exchange(ref counted, 0) == 1) Interlocked.Decrement(ref _open);
        }

        try
        {
            using (client)
            await using (var stream = client.GetStream())
            {
                var session = new ScriptedSmtpSession(Script, stream, Certificate.Value, _stop.Token);
                var clientAddress = ((IPEndPoint)client.Client.RemoteEndPoint!).Address.ToString();
                var connection = Connections;
                accepted = await session.RunAsync(m => Messages.Enqueue(m with { ConnectionNumber = connection, ClientAddress = clientAddress }), Closed);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or AuthenticationException)
        {
            // Note: the client went away or the server stops; what was accepted is already recorded.
        }
        finally
        {
            Closed();
            MessagesPerConnection.Enqueue(accepted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        await Task.WhenAll(_sessions);
        _stop.Dispose();
    }
}
