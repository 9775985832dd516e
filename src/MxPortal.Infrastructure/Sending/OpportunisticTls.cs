using MxPortal.Domain.MxRules;
using MxPortal.Domain.Sending;

namespace MxPortal.Infrastructure.Sending;

/// <summary>
/// Opening a connection within the rule's connection timeout, with the plain-text retry of opportunistic TLS shared
/// by both transports: when STARTTLS was offered and accepted but the TLS handshake (or the EHLO over TLS) failed,
/// the same address is tried again at once on a new connection without STARTTLS, within what is left of the
/// timeout, as Postfix does at security level <c>may</c> (docs/delivery-engine.md, "TLS"). Required TLS never
/// falls back.
/// </summary>
internal static class OpportunisticTls
{
    /// <param name="open">
    /// opens one connection with the given TLS mode; the failure is the TLS failure a plain-text retry replaces (null on
    /// the first try), for the connection's <see cref="ISmtpConnection.TlsFallback"/>; the token is cancelled at the deadline.
    /// </param>
    public static async Task<(T? Connection, SmtpFailure? Failure)> OpenAsync<T>(
        MxRule rule, CancellationToken ct, Func<TlsMode, SmtpFailure?, CancellationToken, Task<(T? Connection, SmtpFailure? Failure)>> open) where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(rule.ConnectionTimeout);
        var first = await open(rule.Tls, null, deadline.Token);
        if (first.Failure is not { Stage: SmtpStage.Tls } || !FallsBack(rule.Tls) || deadline.IsCancellationRequested) return first;
        return await open(TlsMode.Disabled, first.Failure, deadline.Token);
    }

    /// <summary>Every mode but Disabled and Required is opportunistic (Default included).</summary>
    public static bool FallsBack(TlsMode mode) => mode is not (TlsMode.Disabled or TlsMode.Required);
}
