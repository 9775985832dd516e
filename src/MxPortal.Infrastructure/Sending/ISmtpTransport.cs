using MxPortal.Domain.MxRules;
using MxPortal.Domain.Routing;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// The I/O seam between the engine and the SMTP wire: opens a connection from a sending identity to an MX host with
/// an MX rule's timeouts and TLS mode. <c>Sending:Transport</c> picks the implementation (<see cref="SmtpTransports"/>).
/// </summary>
public interface ISmtpTransport
{
    /// <summary>The open connection, or why none could be opened (connect, greeting, HELO or TLS failure).</summary>
    Task<(ISmtpConnection? Connection, SmtpFailure? Failure)> OpenAsync(SmtpTarget target, SendingIdentity identity, MxRule rule, CancellationToken ct);
}

/// <summary>One open SMTP connection: several messages, one recipient each; QUIT on dispose.</summary>
public interface ISmtpConnection : IAsyncDisposable
{
    SmtpTarget Target { get; }

    /// <summary>Messages the server accepted on this connection.</summary>
    int MessagesSent { get; }

    /// <summary>Mail transactions started on this connection, accepted or not: what messages-per-connection counts.</summary>
    int Transactions { get; }

    /// <summary>
    /// Why this connection is in plain text although the server offered STARTTLS: the server refused it (a 454, the
    /// connection went on without TLS) or the handshake failed and the address was tried again without STARTTLS
    /// (<see cref="OpportunisticTls"/>). Null when TLS was not offered, not wanted, or is in use.
    /// </summary>
    SmtpFailure? TlsFallback { get; }

    /// <summary>Sends one message to one recipient with the given envelope sender (the VERP return path).</summary>
    Task<SmtpSendResult> SendAsync(MessageContent content, string envelopeFrom, string recipient, CancellationToken ct);
}
