using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>Whether something accepts TCP connections on a loopback port (a readiness check).</summary>
internal static unsafe partial class TcpProbe
{
    private const int AfInet = 2;
    private const int SockStream = 1;

    public static bool Accepts(int port)
    {
        var fd = Libc.Socket(AfInet, SockStream | Libc.SockCloexec, 0);
        if (fd < 0)
        {
            return false;
        }
        try
        {
            // struct sockaddr_in: family, port (network order), 127.0.0.1, zero padding.
            var address = stackalloc byte[16];
            new Span<byte>(address, 16).Clear();
            *(ushort*)address = AfInet;
            address[2] = (byte)(port >> 8);
            address[3] = (byte)port;
            address[4] = 127;
            address[7] = 1;
            return Connect(fd, address, 16) == 0;
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    private static partial int Connect(int fd, byte* address, uint length);
}
