using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// The libc calls Mono.Posix does not offer (prctl, memfd, raw read and write) or offers only for
/// the fixed <c>Signum</c> enum (kill with a real-time signal number). Nothing outside Posix/ calls native code.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    [LibraryImport(Lib, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Lib, EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport(Lib, EntryPoint = "memfd_create", SetLastError = true)]
    public static partial int MemfdCreate(byte* name, uint flags);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    /// <summary>Not thread-safe, and init has one thread.</summary>
    [LibraryImport(Lib, EntryPoint = "strerror")]
    public static partial nint Strerror(int errno);

    [LibraryImport(Lib, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>For a non-blocking fd that is full: true once it can take more within the timeout.</summary>
    public static bool WaitWritable(int fd, int timeoutMs)
    {
        var pfd = new PollFd { Fd = fd, Events = Abi.PollOut };
        return Poll(&pfd, 1, timeoutMs) > 0 && (pfd.Revents & Abi.PollOut) != 0;
    }

    public const int SockCloexec = Abi.SockCloexec;

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "__libc_current_sigrtmin")]
    public static partial int CurrentSigRtMin();

    [LibraryImport(Lib, EntryPoint = "__libc_current_sigrtmax")]
    public static partial int CurrentSigRtMax();
}
