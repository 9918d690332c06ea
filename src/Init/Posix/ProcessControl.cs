using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>Facts about init's own process and the prctl switches it sets on itself.</summary>
internal static partial class ProcessControl
{
    public static int Pid => GetPid();

    public static bool IsPid1 => Pid == 1;

    /// <summary>Orphans of our descendants come to us instead of the real init, as they would to PID 1.</summary>
    public static void BecomeSubreaper()
    {
        if (Libc.Prctl(Abi.PrSetChildSubreaper, 1, 0, 0, 0) != 0)
        {
            throw SystemCallFailed.FromLastError("prctl(PR_SET_CHILD_SUBREAPER)");
        }
    }

    public static void SetParentDeathSignal(int signal)
    {
        if (Libc.Prctl(Abi.PrSetPdeathsig, (nuint)signal, 0, 0, 0) != 0)
        {
            throw SystemCallFailed.FromLastError("prctl(PR_SET_PDEATHSIG)");
        }
    }

    /// <summary>stdin when it is our controlling terminal (the only case tcsetpgrp can work); otherwise -1.</summary>
    public static int ControllingTerminalFd() =>
        IsATty(0) == 1 && TcGetPgrp(0) >= 0 ? 0 : -1;

    /// <summary>Hands the terminal back to the child's group, but only while init holds it: a background
    /// tcsetpgrp would raise SIGTTOU.</summary>
    public static void GiveTerminalTo(int terminalFd, int pgid)
    {
        if (terminalFd >= 0 && TcGetPgrp(terminalFd) == GetPgrp())
        {
            TcSetPgrp(terminalFd, pgid);
        }
    }

    public static void StopSelf() => Libc.Kill(Pid, SignalNumbers.Stop);

    /// <summary>The directory init was started in, as <see cref="ExactText"/> (children are started in it by
    /// name); null when it cannot be named (deleted, say).</summary>
    public static unsafe string? CurrentDirectory()
    {
        for (var size = 4096; size <= 1 << 20; size *= 4)
        {
            var buffer = new byte[size];
            fixed (byte* p = buffer)
            {
                if (GetCwd(p, (nuint)size) != null)
                {
                    return ExactText.Decode(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(p));
                }
            }
            if (Marshal.GetLastSystemError() != Abi.Erange)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// As dumb-init does: init's own working directory becomes /, so init never keeps the mount it was started
    /// in busy; children are given the start directory explicitly.
    /// </summary>
    public static void LeaveStartDirectory() => ChDir("/");


    [LibraryImport("libc", EntryPoint = "getcwd", SetLastError = true)]
    private static unsafe partial byte* GetCwd(byte* buffer, nuint size);

    [LibraryImport("libc", EntryPoint = "getpid")]
    private static partial int GetPid();

    [LibraryImport("libc", EntryPoint = "getpgrp")]
    private static partial int GetPgrp();

    [LibraryImport("libc", EntryPoint = "isatty")]
    private static partial int IsATty(int fd);

    [LibraryImport("libc", EntryPoint = "tcgetpgrp")]
    private static partial int TcGetPgrp(int fd);

    [LibraryImport("libc", EntryPoint = "tcsetpgrp")]
    private static partial int TcSetPgrp(int fd, int pgid);

    [LibraryImport("libc", EntryPoint = "chdir", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChDir(string path);
}
