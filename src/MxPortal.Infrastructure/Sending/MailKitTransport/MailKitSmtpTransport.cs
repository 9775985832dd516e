using MailKit.Security;
using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending.MailKitTransport;

/// <summary>Opens <see cref="MailKitSmtpConnection"/>s (MailKit's SmtpClient).</summary>
public sealed class MailKitSmtpTransport : ISmtpTransport
{
    public static readonly MailKitSmtpTransport Instance = new();

    public async Task<(ISmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(SmtpTarget target, SendingIdentity identity, MxRule rule, CancellationToken ct) =>
        await MailKitSmtpConnection.OpenAsync(target, identity, rule, ct);

    /// <summary>The rule's TLS mode: Disabled is plain text, Required refuses a server without STARTTLS, otherwise STARTTLS when offered.</summary>
    public static SecureSocketOptions SecureSocket(TlsMode mode) => mode switch
    {
        TlsMode.Disabled => SecureSocketOptions.None,
        TlsMode.Required => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
