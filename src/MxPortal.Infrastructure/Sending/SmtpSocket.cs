using System.Net;
using System.Net.Sockets;
using MxPortal.Domain.Routing;

namespace MxPortal.Infrastructure.Sending;

/// <summary>The TCP connection of both transports: from the identity's source address to the MX address chosen.</summary>
internal static class SmtpSocket
{
    /// <summary>A connected socket, bound to the identity's source address when it has one of the target's family.</summary>
    public static async Task<Socket> ConnectAsync(SmtpTarget target, SendingIdentity identity, CancellationToken ct)
    {
        var socket = new Socket(target.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (IPAddress.TryParse(identity.SourceIp, out var source) && !source.Equals(IPAddress.Any) && source.AddressFamily == target.Address.AddressFamily)
                socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(new IPEndPoint(target.Address, target.Port), ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
