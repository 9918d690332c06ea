using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>
/// The libc calls Mono.Posix does not offer (posix_spawn, prctl, signal masks, memfd) or offers only for
/// the fixed <c>Signum</c> enum (kill with a real-time signal number). Nothing outside Posix/ calls native code.
/// </summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    public const int PosixSpawnSetPgroup = 0x02;
    public const int PosixSpawnSetSigDef = 0x04;
    public const int PosixSpawnSetSigMask = 0x08;

    public const int SigBlock = 0;
    public const int SigUnblock = 1;

    public const int PrSetPdeathsig = 1;
    public const int PrSetChildSubreaper = 36;

    public const uint MfdCloexec = 1;

    // glibc's opaque spawn structures are 336 and 80 bytes on x86-64 and arm64; we hand it more room.
    public const int SpawnAttrSize = 512;
    public const int SpawnFileActionsSize = 256;

    [LibraryImport(Lib, EntryPoint = "posix_spawnp")]
    public static partial int PosixSpawnp(out int pid, byte* file, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_init")]
    public static partial int PosixSpawnattrInit(void* attr);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_destroy")]
    public static partial int PosixSpawnattrDestroy(void* attr);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setflags")]
    public static partial int PosixSpawnattrSetflags(void* attr, short flags);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setpgroup")]
    public static partial int PosixSpawnattrSetpgroup(void* attr, int pgroup);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int PosixSpawnattrSetsigmask(void* attr, SignalSet* mask);

    [LibraryImport(Lib, EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int PosixSpawnattrSetsigdefault(void* attr, SignalSet* defaults);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int PosixSpawnFileActionsInit(void* actions);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int PosixSpawnFileActionsDestroy(void* actions);

    [LibraryImport(Lib, EntryPoint = "posix_spawn_file_actions_addchdir_np")]
    public static partial int PosixSpawnFileActionsAddchdir(void* actions, byte* path);

    [LibraryImport(Lib, EntryPoint = "pthread_sigmask")]
    public static partial int PthreadSigmask(int how, SignalSet* set, SignalSet* oldSet);

    [LibraryImport(Lib, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Lib, EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport(Lib, EntryPoint = "memfd_create", SetLastError = true)]
    public static partial int MemfdCreate(byte* name, uint flags);

    [LibraryImport(Lib, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Lib, EntryPoint = "poll")]
    private static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>For a non-blocking fd that is full: true once it can take more within the timeout.</summary>
    public static bool WaitWritable(int fd, int timeoutMs)
    {
        const short PollOut = 4;
        var pfd = new PollFd { Fd = fd, Events = PollOut };
        return Poll(&pfd, 1, timeoutMs) > 0 && (pfd.Revents & PollOut) != 0;
    }

    [LibraryImport(Lib, EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);

    /// <summary>signal(sig, SIG_DFL).</summary>
    public static void SetDefaultDisposition(int signal) => Signal(signal, 0);

    public const int SockCloexec = 0x80000;

    [LibraryImport(Lib, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Lib, EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport(Lib, EntryPoint = "__libc_current_sigrtmin")]
    public static partial int CurrentSigRtMin();

    [LibraryImport(Lib, EntryPoint = "__libc_current_sigrtmax")]
    public static partial int CurrentSigRtMax();
}
