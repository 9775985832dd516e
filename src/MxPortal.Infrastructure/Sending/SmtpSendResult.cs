using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>The server's answer to one message: the accepting reply, or the failure.</summary>
public sealed record SmtpSendResult(string? AcceptedReply, SmtpFailure? Failure)
{
    public bool Accepted => Failure is null;

    public static SmtpSendResult Ok(string reply) => new(reply, null);

    public static SmtpSendResult Failed(SmtpFailure failure) => new(null, failure);
}
