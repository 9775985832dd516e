using System.Net;
using System.Net.Sockets;

namespace MxPortal.TestSupport.Dns;

/// <summary>
/// A UDP name server on a free loopback port that answers every query with one response code and no records,
/// e.g. 2 (SERVFAIL), which dnsmasq cannot be made to return on demand. Counts the queries it answered.
/// </summary>
public sealed class FixedRcodeDnsServer : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly byte _rcode;
    private int _queries;

    public FixedRcodeDnsServer(byte rcode)
    {
        _rcode = rcode;
        _loop = Task.Run(ServeAsync);
    }

    public string NameServer => _udp.Client.LocalEndPoint!.ToString()!;

    public int Queries => Volatile.Read(ref _queries);

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult request;
            try { request = await _udp.ReceiveAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            if (request.Buffer.Length < 12) continue;
            // Note: echo the header and question; set QR, keep RD, set RA and the response code; no records.
            var reply = request.Buffer.ToArray();
            reply[2] = (byte)(0x80 | (reply[2] & 0x01));
            reply[3] = (byte)(0x80 | _rcode);
            for (var i = 6; i < 12; i++) reply[i] = 0;
            Interlocked.Increment(ref _queries);
            await _udp.SendAsync(reply, request.RemoteEndPoint);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { /* Note: the loop only ends by cancellation; nothing to report at disposal. */ }
        _udp.Dispose();
        _stop.Dispose();
    }
}
