using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;
using MxPortal.Infrastructure.Sending.MailKitTransport;

namespace MxPortal.Infrastructure.Sending;

/// <summary>Values of <c>Sending:Transport</c>.</summary>
public enum SmtpTransportKind
{
    /// <summary>Own client on <c>Socket</c>/<c>SslStream</c> (<see cref="SmtpConnection"/>).</summary>
    Native,

    /// <summary>MailKit's <c>SmtpClient</c> (<see cref="MailKitSmtpConnection"/>).</summary>
    MailKit,
}

/// <summary>The transport named by <c>Sending:Transport</c>.</summary>
public static class SmtpTransports
{
    public static ISmtpTransport For(SmtpTransportKind kind) => kind switch
    {
        SmtpTransportKind.Native => NativeSmtpTransport.Instance,
        SmtpTransportKind.MailKit => MailKitSmtpTransport.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown SMTP transport"),
    };
}

/// <summary>Opens <see cref="SmtpConnection"/>s (own client).</summary>
public sealed class NativeSmtpTransport : ISmtpTransport
{
    public static readonly NativeSmtpTransport Instance = new();

    public async Task<(ISmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(SmtpTarget target, SendingIdentity identity, MxRule rule, CancellationToken ct) =>
        await SmtpConnection.OpenAsync(target, identity, rule, ct);
}
