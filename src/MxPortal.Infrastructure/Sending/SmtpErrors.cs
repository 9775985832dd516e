using System.Net.Sockets;
using System.Security.Authentication;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>The one place where socket, TLS and protocol exceptions become <see cref="SmtpFailure"/> values (no reply code).</summary>
internal static class SmtpErrors
{
    public static SmtpFailure From(Exception e, SmtpStage stage, TimeSpan timeout) => e switch
    {
        SmtpWireException w => new SmtpFailure(stage, 0, w.Message),
        AuthenticationException a => new SmtpFailure(SmtpStage.Tls, 0, "TLS failed: " + a.Message),
        SocketException s => new SmtpFailure(stage, 0, $"{Describe(s.SocketErrorCode)} ({s.SocketErrorCode})"),
        OperationCanceledException or TimeoutException => new SmtpFailure(stage, 0, $"timeout after {timeout.TotalSeconds:0.#}s"),
        IOException io => new SmtpFailure(stage, 0, "connection lost: " + (io.InnerException?.Message ?? io.Message)),
        ObjectDisposedException => new SmtpFailure(stage, 0, "connection lost"),
        _ => throw new InvalidOperationException($"Unexpected SMTP failure at {stage}", e),
    };

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        SocketError.AddressNotAvailable => "source address not available on this machine",
        _ => "network error",
    };
}
