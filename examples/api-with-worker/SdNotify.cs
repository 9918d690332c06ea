using System.Net.Sockets;
using System.Text;

namespace ApiWithWorker;

/// <summary>
/// systemd's sd_notify in a few lines: one datagram to $NOTIFY_SOCKET, which init sets for every child.
/// (Microsoft.Extensions.Hosting.Systemd's UseSystemd() does the same when it is available.)
/// </summary>
public static class SdNotify
{
    public static void Send(string message)
    {
        var path = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.SendTo(Encoding.UTF8.GetBytes(message), new UnixDomainSocketEndPoint(path));
    }
}
