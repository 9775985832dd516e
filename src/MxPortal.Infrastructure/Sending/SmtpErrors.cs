using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>The one place where MailKit and socket exceptions become <see cref="SmtpFailure"/> values.</summary>
internal static class SmtpErrors
{
    public static SmtpFailure From(Exception e, SmtpStage stage, TimeSpan timeout) => e switch
    {
        SmtpCommandException c => new SmtpFailure(StageOf(c, stage), (int)c.StatusCode, Reply(c)),
        SmtpProtocolException p => new SmtpFailure(stage, 0, "protocol error: " + p.Message),
        SslHandshakeException s => new SmtpFailure(SmtpStage.Tls, 0, "TLS handshake failed: " + s.Message),
        AuthenticationException a => new SmtpFailure(SmtpStage.Tls, 0, "TLS failed: " + a.Message),
        NotSupportedException n when stage == SmtpStage.Tls => new SmtpFailure(SmtpStage.Tls, 0, "TLS required but not offered: " + n.Message),
        SocketException s => new SmtpFailure(stage, 0, $"{Describe(s.SocketErrorCode)} ({s.SocketErrorCode})"),
        OperationCanceledException or TimeoutException => new SmtpFailure(stage, 0, $"timeout after {timeout.TotalSeconds:0.#}s"),
        IOException io => new SmtpFailure(stage, 0, "connection lost: " + (io.InnerException?.Message ?? io.Message)),
        ServiceNotConnectedException => new SmtpFailure(stage, 0, "connection lost"),
        _ => throw new InvalidOperationException($"Unexpected SMTP failure at {stage}", e),
    };

    private static SmtpStage StageOf(SmtpCommandException c, SmtpStage fallback) => c.ErrorCode switch
    {
        SmtpErrorCode.SenderNotAccepted => SmtpStage.MailFrom,
        SmtpErrorCode.RecipientNotAccepted => SmtpStage.RcptTo,
        SmtpErrorCode.MessageNotAccepted => SmtpStage.Data,
        _ => fallback,
    };

    // Note: MailKit keeps the reply text without the code; the classifier and the logs want the reply as sent.
    private static string Reply(SmtpCommandException c) => $"{(int)c.StatusCode} {c.Message}".Trim();

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        SocketError.AddressNotAvailable => "source address not available on this machine",
        _ => "network error",
    };
}
