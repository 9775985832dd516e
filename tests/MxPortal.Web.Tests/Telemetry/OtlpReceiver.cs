using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MxPortal.TestSupport;

namespace MxPortal.Web.Tests.Telemetry;

/// <summary>
/// A stand-in OpenTelemetry Collector on a free loopback port: Kestrel accepting OTLP metric exports over
/// http/protobuf (HTTP/1.1, answers an empty ExportMetricsServiceResponse) or gRPC (HTTP/2 cleartext with prior
/// knowledge, answers an empty message frame and the trailer grpc-status: 0). It records every request as received.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    public enum Transport { HttpProtobuf, Grpc }

    public sealed record Export(string Method, string Path, string? ContentType, byte[] Body);

    private readonly ConcurrentQueue<Export> _exports = new();
    private readonly WebApplication _app;

    private OtlpReceiver(Transport transport)
    {
        // Note: an empty builder (no appsettings, no environment variables, no logging): only Kestrel and one handler.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0,
            l => l.Protocols = transport == Transport.Grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        _app = builder.Build();
        _app.Run(http => ReceiveAsync(http, transport));
    }

    /// <summary>Where the receiver listens, e.g. <c>http://127.0.0.1:43117/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync(Transport transport)
    {
        var receiver = new OtlpReceiver(transport);
        await receiver._app.StartAsync();
        receiver.Address = new Uri(receiver._app.Urls.Single().TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Waits until a recorded export matches, or throws after <paramref name="timeout"/> saying what came.</summary>
    public Task<Export> WaitForAsync(Func<Export, bool> match, TimeSpan timeout) =>
        Poll.UntilAsync(() => _exports.FirstOrDefault(match), timeout, () => $"OTLP exports received: {_exports.Count} (" +
            string.Join("; ", _exports.GroupBy(e => $"{e.Method} {e.Path} {e.ContentType}").Select(g => $"{g.Count()} x {g.Key}")) + ")");

    /// <summary>Waits for the export after <paramref name="previous"/>: by then the exporter has handled our answer to it.</summary>
    public Task<Export> WaitForNextAsync(Export previous, TimeSpan timeout) =>
        Poll.UntilAsync(() => _exports.SkipWhile(e => !ReferenceEquals(e, previous)).Skip(1).FirstOrDefault(), timeout,
            () => $"No OTLP export after the one of {previous.Body.Length} bytes.");

    private async Task ReceiveAsync(HttpContext http, Transport transport)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        _exports.Enqueue(new Export(http.Request.Method, http.Request.Path, http.Request.ContentType, body.ToArray()));
        if (transport == Transport.HttpProtobuf)
        {
            // An empty protobuf message is zero bytes: a full success, no partial_success field.
            http.Response.ContentType = "application/x-protobuf";
            return;
        }
        http.Response.ContentType = "application/grpc";
        // The gRPC length-prefixed frame: not compressed (0), then the message length, 0, as 4 big-endian bytes.
        await http.Response.Body.WriteAsync(new byte[5], http.RequestAborted);
        http.Response.AppendTrailer("grpc-status", "0");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
