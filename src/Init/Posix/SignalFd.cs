using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// The signals the constructor blocked, read as data (signalfd, as catatonit does): no handler runs anywhere,
/// and the loop takes them one by one in the kernel's order. Non-blocking: the loop polls it.
/// </summary>
internal sealed unsafe partial class SignalFd : IDisposable
{
    private const int SfdNonblock = 0x800;
    private const int SfdCloexec = 0x80000;
    private const int SigInfoSize = 128;
    private const int Eintr = 4;

    private int _fd;

    private SignalFd(int fd) => _fd = fd;

    public int Fd => _fd;

    /// <summary>For the signals the constructor in native/startup_state.c blocked (forwarded ones and SIGCHLD).</summary>
    /// <exception cref="SystemCallFailed">the kernel refused (no signalfd: init cannot run).</exception>
    public static SignalFd OpenForWaitedSignals()
    {
        SignalSet set;
        NativeImports.WaitedSignals(&set);
        // The kernel's sigset_t is 8 bytes; glibc's wrapper passes that size.
        var fd = Create(-1, &set, SfdNonblock | SfdCloexec);
        return fd >= 0
            ? new SignalFd(fd)
            : throw SystemCallFailed.FromLastError("signalfd");
    }

    /// <summary>Appends every signal waiting now, in the order the kernel hands them out.</summary>
    public void ReadAll(List<ReceivedSignal> into)
    {
        var buffer = stackalloc byte[SigInfoSize * 16];
        while (true)
        {
            var n = Libc.Read(_fd, buffer, SigInfoSize * 16);
            if (n < 0 && Marshal.GetLastPInvokeError() == Eintr)
            {
                continue;
            }
            if (n <= 0)
            {
                return; // EAGAIN: nothing more is waiting
            }
            // struct signalfd_siginfo: u32 ssi_signo, i32 ssi_errno, i32 ssi_code, u32 ssi_pid, ...
            for (var offset = 0; offset + SigInfoSize <= n; offset += SigInfoSize)
            {
                into.Add(new ReceivedSignal(*(int*)(buffer + offset), *(int*)(buffer + offset + 12)));
            }
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            Libc.Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "signalfd", SetLastError = true)]
    private static partial int Create(int fd, SignalSet* mask, int flags);
}

/// <summary>A signal as signalfd reports it: its number and the pid that sent it (0 from the kernel).</summary>
internal readonly record struct ReceivedSignal(int Signal, int SenderPid);
