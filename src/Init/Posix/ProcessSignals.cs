using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>kill(2) on raw signal numbers (Mono.Posix's kill takes only the fixed Signum enum, no real-time signals).</summary>
internal static class ProcessSignals
{

    /// <summary>Sends the signal; false when no such process (or group) exists any more.</summary>
    public static bool Send(int pid, int signal)
    {
        if (Libc.Kill(pid, signal) == 0)
        {
            return true;
        }
        var errno = Marshal.GetLastPInvokeError();
        return errno != Abi.Esrch;
    }

    public static bool SendToGroup(int pgid, int signal) => Send(-pgid, signal);

    /// <summary>True while any process, zombies included, is still in the group.</summary>
    public static bool GroupExists(int pgid) => Libc.Kill(-pgid, 0) == 0 || Marshal.GetLastPInvokeError() != Abi.Esrch;

    /// <summary>As PID 1: every process in the namespace but init itself.</summary>
    public static void SendToAll(int signal) => Libc.Kill(-1, signal);
}
