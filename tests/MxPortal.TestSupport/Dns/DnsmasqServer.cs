namespace MxPortal.TestSupport.Dns;

/// <summary>
/// A real dnsmasq on a free loopback port (UDP and TCP), serving only the records a test gives, e.g.
/// <c>--mx-host=a.test,mx1.a.test,10</c>, <c>--host-record=mx1.a.test,127.0.0.11</c>. Disposal stops it.
/// </summary>
/// <remarks>
/// Note: <c>--local=/test/</c> makes dnsmasq answer <c>.test</c> names itself: NXDOMAIN for unknown names and
/// NODATA for other record types. Without it, with no upstream, those queries are REFUSED, which a resolver
/// must treat as temporary. Names outside <c>.test</c> are still REFUSED, nothing leaves the machine.
/// </remarks>
public sealed class DnsmasqServer : IDisposable
{
    public const string Executable = "/usr/sbin/dnsmasq";
    private readonly ExternalProcess _process;

    private DnsmasqServer(ExternalProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The <c>address:port</c> form name-server options take.</summary>
    public string NameServer => $"127.0.0.1:{Port}";

    public bool IsRunning => !_process.HasExited;

    /// <param name="records">dnsmasq record options; <paramref name="ttlSeconds"/> is the TTL of MX answers.</param>
    public static async Task<DnsmasqServer> StartAsync(IEnumerable<string> records, int ttlSeconds = 0)
    {
        var recordList = records.ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var process = ExternalProcess.Start(Executable,
            [
                "--no-daemon", $"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv",
                "--no-hosts", "--conf-file=/dev/null", "--pid-file=", "--local=/test/", $"--local-ttl={ttlSeconds}",
                .. recordList,
            ]);
            try
            {
                await FreePort.WaitUntilListeningAsync("127.0.0.1", port, TimeSpan.FromSeconds(5), () => process.Output);
                return new DnsmasqServer(process, port);
            }
            catch (TimeoutException) when (attempt < 3 && process.HasExited)
            {
                // Note: another process may have taken the port between picking and binding; pick again.
                process.Dispose();
            }
            catch
            {
                process.Dispose();
                throw;
            }
        }
    }

    public string Output => _process.Output;

    public void Dispose() => _process.Dispose();
}
