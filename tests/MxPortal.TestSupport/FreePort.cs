using System.Net;
using System.Net.Sockets;

namespace MxPortal.TestSupport;

/// <summary>Free TCP ports on loopback, picked by the OS. Never rely on fixed ports on a shared machine.</summary>
public static class FreePort
{
    public static int Next(IPAddress? address = null)
    {
        var listener = new TcpListener(address ?? IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>Polls until something accepts TCP connections on the port, or throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilListeningAsync(string host, int port, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(host, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
            catch (SocketException e)
            {
                throw new TimeoutException($"Nothing listens on {host}:{port} after {timeout}. {diagnostics?.Invoke()}", e);
            }
        }
    }
}
