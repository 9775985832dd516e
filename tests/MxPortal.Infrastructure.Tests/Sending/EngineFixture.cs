using System.Net;
using System.Net.Sockets;
using MxPortal.Infrastructure.Routing;
using MxPortal.TestSupport;
using MxPortal.TestSupport.Dns;
using MxPortal.TestSupport.Mail;

namespace MxPortal.Infrastructure.Tests.Sending;

/// <summary>
/// A real dnsmasq serving the test domains' MX records, and one SMTP port shared by the MX hosts on distinct
/// loopback addresses (127.0.0.x), as real MX hosts all listen on port 25.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public const string Live1 = "127.0.0.31", Live2 = "127.0.0.32", Dead = "127.0.0.33", Busy = "127.0.0.34";

    public static readonly string[] Records =
    [
        "--mx-host=one.test,mx.one.test,10", "--host-record=mx.one.test," + Live1,
        "--mx-host=backup.test,dead.backup.test,10", "--mx-host=backup.test,live.backup.test,20",
        "--host-record=dead.backup.test," + Dead, "--host-record=live.backup.test," + Live2,
        "--mx-host=busy.test,busy.busy.test,10", "--mx-host=busy.test,live.busy.test,20",
        "--host-record=busy.busy.test," + Busy, "--host-record=live.busy.test," + Live2,
        "--mx-host=down.test,dead.down.test,10", "--host-record=dead.down.test," + Dead,
        "--dns-rr=nullmx.test,15,000000",
    ];

    public DnsmasqServer Dns { get; private set; } = null!;
    public int SmtpPort { get; private set; }

    public async Task InitializeAsync()
    {
        Dns = await DnsmasqServer.StartAsync(Records);
        SmtpPort = PickPortFreeOnAll(Live1, Live2, Dead, Busy);
    }

    public MxResolver Resolver() => new(new DnsOptions { NameServers = [Dns.NameServer], TimeoutMilliseconds = 500, Retries = 2 },
        TimeProvider.System, new Random(7));

    public ScriptedSmtpServer Server(string address, SmtpScript? script = null) =>
        new(script ?? new SmtpScript(), IPAddress.Parse(address), SmtpPort);

    public Task DisposeAsync()
    {
        Dns.Dispose();
        return Task.CompletedTask;
    }

    private static int PickPortFreeOnAll(params string[] addresses)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var port = FreePort.Next(IPAddress.Parse(addresses[0]));
            if (addresses.All(a => IsFree(a, port))) return port;
        }
        throw new InvalidOperationException("No port free on every test MX address.");
    }

    private static bool IsFree(string address, int port)
    {
        try
        {
            var l = new TcpListener(IPAddress.Parse(address), port);
            l.Start();
            l.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
