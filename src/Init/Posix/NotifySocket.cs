using System.Runtime.InteropServices;
using System.Text;

namespace Init.Posix;

/// <summary>
/// The systemd notify socket: a Unix datagram socket children find through NOTIFY_SOCKET. SO_PASSCRED makes
/// the kernel attach each sender's pid, so init knows which process is ready without trusting the message.
/// </summary>
internal sealed unsafe partial class NotifySocket : IDisposable
{
    private const int AfUnix = 1;
    private const int SockDgram = 2;
    private const int SolSocket = 1;
    private const int SoPasscred = 16;
    private const int ScmCredentials = 2;
    private const int ScmRights = 1;
    private const int MsgCmsgCloexec = 0x40000000;
    private const int Eintr = 4;
    private const int SockNonblock = 0x800;

    private int _fd;

    private NotifySocket(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    public string Path { get; }

    /// <summary>For the loop's poll: readable when a datagram is waiting.</summary>
    public int Fd => _fd;

    /// <exception cref="IOException">the socket cannot be made at <paramref name="path"/>.</exception>
    public static NotifySocket Create(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        if (bytes.Length >= 108)
        {
            throw new SystemCallFailed($"{path} is too long for a Unix socket path");
        }
        var fd = Libc.Socket(AfUnix, SockDgram | Libc.SockCloexec | SockNonblock, 0);
        if (fd < 0)
        {
            throw SystemCallFailed.FromLastError("socket");
        }
        File.Delete(path);
        var address = stackalloc byte[110];
        new Span<byte>(address, 110).Clear();
        *(ushort*)address = AfUnix;
        bytes.CopyTo(new Span<byte>(address + 2, 107));
        var one = 1;
        if (Bind(fd, address, 110) != 0 || SetSockOpt(fd, SolSocket, SoPasscred, &one, sizeof(int)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Libc.Close(fd);
            throw SystemCallFailed.FromErrno($"binding {path}", errno);
        }
        return new NotifySocket(fd, path);
    }

    /// <summary>
    /// The next waiting datagram; null when none is waiting (the socket never blocks) or it is closed. Every
    /// descriptor that came with it (SCM_RIGHTS: systemd-notify's BARRIER=1 sends one and waits for it to be
    /// closed) is closed here: kept, they would pile up and leak into later children.
    /// </summary>
    public (int Pid, string Message)? Receive()
    {
        const int dataSize = 4096;
        const int controlSize = 512;
        var data = stackalloc byte[dataSize];
        var control = stackalloc byte[controlSize];
        while (true)
        {
            var iov = new IoVec { Base = data, Length = dataSize };
            var header = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = controlSize };
            var n = RecvMsg(_fd, &header, MsgCmsgCloexec);
            if (n < 0)
            {
                if (Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }
                return null;
            }
            var pid = ReadControl(control, (int)header.ControlLength);
            return (pid, Encoding.UTF8.GetString(data, (int)n));
        }
    }

    /// <summary>Walks the control messages: struct cmsghdr { size_t len; int level; int type; } then its data,
    /// each aligned to 8 bytes. Returns the sender's pid (SCM_CREDENTIALS: struct ucred { pid; uid; gid; }).</summary>
    private static int ReadControl(byte* control, int length)
    {
        const int headerSize = 16;
        var pid = 0;
        for (var offset = 0; offset + headerSize <= length;)
        {
            var len = (int)*(ulong*)(control + offset);
            if (len < headerSize || offset + len > length)
            {
                break;
            }
            var level = *(int*)(control + offset + 8);
            var type = *(int*)(control + offset + 12);
            var payload = control + offset + headerSize;
            if (level == SolSocket && type == ScmCredentials && len >= headerSize + 12)
            {
                pid = *(int*)payload;
            }
            else if (level == SolSocket && type == ScmRights)
            {
                for (var i = 0; i < (len - headerSize) / sizeof(int); i++)
                {
                    Libc.Close(((int*)payload)[i]);
                }
            }
            offset += (len + 7) & ~7;
        }
        return pid;
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            Libc.Close(fd);
            try
            {
                File.Delete(Path);
            }
            catch (IOException)
            {
            }
        }
    }

    private struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    private struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    private static partial int Bind(int fd, byte* address, uint length);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static partial int SetSockOpt(int fd, int level, int name, void* value, uint length);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint RecvMsg(int fd, MsgHdr* header, int flags);
}
