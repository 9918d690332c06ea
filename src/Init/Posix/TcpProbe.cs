using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>Where one connect to a loopback port stands.</summary>
internal enum ConnectState
{
    Connected,

    /// <summary>Sent, not answered yet: the socket stays open, to be looked at again.</summary>
    InProgress,

    /// <summary>Refused, reset or not possible (no socket, no local port).</summary>
    Failed,
}

/// <summary>
/// Whether something accepts TCP connections on a loopback port (a readiness check), asked without ever
/// waiting: a listener whose backlog is full drops the SYN and never answers, and a blocking connect() would
/// then hold the loop for the kernel's whole retry time (docs/design.md, "Nothing blocks the loop").
/// </summary>
internal static unsafe partial class TcpProbe
{
    /// <summary>Sends a connect to 127.0.0.1:<paramref name="port"/> and returns at once.</summary>
    /// <param name="fd">the socket while the state is InProgress (hand it to <see cref="Check"/> or
    /// <see cref="Drop"/>); else -1, nothing left open.</param>
    public static ConnectState Begin(int port, out int fd)
    {
        // Close-on-exec: a child spawned while the connect is in flight must not inherit it.
        fd = Libc.Socket(Abi.AfInet, Abi.SockStream | Abi.SockNonblock | Abi.SockCloexec, 0);
        if (fd < 0)
        {
            return ConnectState.Failed;
        }
        // struct sockaddr_in: family, port (network order), 127.0.0.1, zero padding.
        var address = stackalloc byte[Abi.SockaddrInSize];
        new Span<byte>(address, Abi.SockaddrInSize).Clear();
        *(ushort*)address = Abi.AfInet;
        address[2] = (byte)(port >> 8);
        address[3] = (byte)port;
        address[4] = 127;
        address[7] = 1;
        if (Connect(fd, address, Abi.SockaddrInSize) == 0)
        {
            return Finished(ref fd, ConnectState.Connected);
        }
        // Interrupted, a non-blocking connect goes on in the kernel just the same.
        var errno = Marshal.GetLastPInvokeError();
        return errno is Abi.Einprogress or Abi.Eintr ? ConnectState.InProgress : Finished(ref fd, ConnectState.Failed);
    }

    /// <summary>Looks at a connect <see cref="Begin"/> left in progress, without waiting; once it has an
    /// answer (Connected or Failed) the socket is closed.</summary>
    public static ConnectState Check(int fd)
    {
        var pfd = new Libc.PollFd { Fd = fd, Events = Abi.PollOut };
        if (Libc.Poll(&pfd, 1, 0) <= 0 || (pfd.Revents & (Abi.PollOut | Abi.PollErr | Abi.PollHup)) == 0)
        {
            return ConnectState.InProgress;
        }
        int error = 0;
        var length = (uint)sizeof(int);
        var connected = GetSockOpt(fd, Abi.SolSocket, Abi.SoError, &error, &length) == 0 && error == 0 &&
            (pfd.Revents & Abi.PollOut) != 0;
        return Finished(ref fd, connected ? ConnectState.Connected : ConnectState.Failed);
    }

    /// <summary>Gives up on a connect in progress (closing a socket that is still connecting never waits).</summary>
    public static void Drop(int fd) => Libc.Close(fd);

    private static ConnectState Finished(ref int fd, ConnectState state)
    {
        Libc.Close(fd);
        fd = -1;
        return state;
    }

    [LibraryImport("libc", EntryPoint = "connect", SetLastError = true)]
    private static partial int Connect(int fd, byte* address, uint length);

    [LibraryImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
    private static partial int GetSockOpt(int fd, int level, int name, int* value, uint* length);
}
