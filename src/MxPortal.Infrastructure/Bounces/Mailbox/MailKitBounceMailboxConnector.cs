using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Security;

namespace MxPortal.Infrastructure.Bounces.Mailbox;

/// <summary>
/// POP3 and IMAP with MailKit. The expected ways a login fails are mapped to a message here, in one place;
/// anything else is a bug and propagates.
/// </summary>
/// <param name="certificateValidation">null (the default): the system's trust store decides; a test pins its own certificate.</param>
public sealed class MailKitBounceMailboxConnector(RemoteCertificateValidationCallback? certificateValidation = null) : IBounceMailboxConnector
{
    /// <summary>Per network operation; a mailbox that stops answering must not hold the poll lease for ever.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<MailboxConnectResult> ConnectAsync(MailboxEndpoint endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        MailService client = endpoint.Protocol == MailProtocol.Imap ? new ImapClient() : new Pop3Client();
        client.Timeout = (int)Timeout.TotalMilliseconds;
        if (certificateValidation is not null) client.ServerCertificateValidationCallback = certificateValidation;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Timeout);
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, SocketOptions(endpoint.Tls), deadline.Token);
            await client.AuthenticateAsync(endpoint.UserName, endpoint.Password, deadline.Token);
            IBounceMailbox mailbox = client is ImapClient imap
                ? new ImapBounceMailbox(imap, endpoint.ProcessedFolder)
                : new Pop3BounceMailbox((Pop3Client)client);
            return MailboxConnectResult.Open(mailbox);
        }
        catch (Exception ex) when (Describe(ex, ct) is { } error)
        {
            client.Dispose();
            return MailboxConnectResult.Fail($"{endpoint}: {error}");
        }
    }

    private static SecureSocketOptions SocketOptions(MailTlsMode tls) => tls switch
    {
        MailTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailTlsMode.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };

    private static string? Describe(Exception ex, CancellationToken ct) => ex switch
    {
        AuthenticationException => "authentication failed (check the user name and password)",
        SslHandshakeException => $"TLS handshake failed: {ex.Message}",
        SocketException s => $"cannot connect: {s.SocketErrorCode} ({s.Message})",
        OperationCanceledException when !ct.IsCancellationRequested => $"no answer within {Timeout.TotalSeconds:0} s",
        TimeoutException => $"no answer within {Timeout.TotalSeconds:0} s",
        ProtocolException or CommandException or NotSupportedException or IOException => $"{ex.GetType().Name}: {ex.Message}",
        _ => null,
    };
}
