using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending.MailKitTransport;

/// <summary>MailKit's exceptions as <see cref="SmtpFailure"/> values, worded like the native client's (<see cref="SmtpErrors"/>).</summary>
internal static class MailKitErrors
{
    public static SmtpFailure From(Exception e, SmtpStage stage, TimeSpan timeout) => e switch
    {
        SmtpCommandException c => new SmtpFailure(Stage(c.ErrorCode, stage), (int)c.StatusCode, Reply((int)c.StatusCode, c.Message)),
        SmtpProtocolException p => new SmtpFailure(stage, 0, "protocol error: " + p.Message),
        SslHandshakeException { InnerException: OperationCanceledException } => SmtpErrors.From(e.InnerException, SmtpStage.Tls, timeout),
        SslHandshakeException s => new SmtpFailure(SmtpStage.Tls, 0, "TLS failed: " + (s.InnerException?.Message ?? s.Message)),
        NotSupportedException when stage is SmtpStage.Helo or SmtpStage.Tls =>
            new SmtpFailure(SmtpStage.Tls, 0, "TLS required but not offered: the server does not announce STARTTLS"),
        ServiceNotConnectedException => new SmtpFailure(stage, 0, "connection lost"),
        _ => SmtpErrors.From(e, stage, timeout),
    };

    /// <summary>A cancellation, also when MailKit reports it as a failed TLS handshake.</summary>
    public static bool IsCancellation(Exception e) => e is OperationCanceledException or SslHandshakeException { InnerException: OperationCanceledException };

    /// <summary>The reply as the native client reports it: code, then the lines joined by spaces.</summary>
    public static string Reply(int code, string text) => $"{code} {text.Replace("\r", "").Replace('\n', ' ')}".TrimEnd();

    private static SmtpStage Stage(SmtpErrorCode code, SmtpStage tracked) => code switch
    {
        SmtpErrorCode.SenderNotAccepted => SmtpStage.MailFrom,
        SmtpErrorCode.RecipientNotAccepted => SmtpStage.RcptTo,
        SmtpErrorCode.MessageNotAccepted => SmtpStage.Data,
        _ => tracked,
    };
}
