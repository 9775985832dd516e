using MailKit;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending.MailKitTransport;

/// <summary>
/// Not a log: MailKit's protocol-logger hook used only to know which SMTP step a failure happened in (greeting, EHLO,
/// STARTTLS, MAIL, RCPT, DATA), so failures carry the same stage as the native client's. It reads the first four
/// bytes of each command the client writes and nothing the server sends; message content is never inspected.
/// </summary>
internal sealed class StageTracker : IProtocolLogger
{
    public SmtpStage Current { get; set; } = SmtpStage.Connect;

    /// <summary>STARTTLS was sent: a failure without a reply in the EHLO that follows is a TLS failure (as with the native client).</summary>
    public bool StartTlsSent { get; private set; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void LogConnect(Uri uri) => Current = SmtpStage.Greeting;

    public void LogClient(byte[] buffer, int offset, int count)
    {
        // Note: after DATA the client writes content, not commands, until the next transaction resets the stage.
        if (Current == SmtpStage.Data) return;
        var command = buffer.AsSpan(offset, Math.Min(count, 4));
        if (command.SequenceEqual("EHLO"u8) || command.SequenceEqual("HELO"u8)) Current = SmtpStage.Helo;
        else if (command.SequenceEqual("STAR"u8)) (Current, StartTlsSent) = (SmtpStage.Tls, true);
        else if (command.SequenceEqual("MAIL"u8)) Current = SmtpStage.MailFrom;
        else if (command.SequenceEqual("RCPT"u8)) Current = SmtpStage.RcptTo;
        else if (command.SequenceEqual("DATA"u8)) Current = SmtpStage.Data;
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
    }

    public void Dispose()
    {
    }
}
