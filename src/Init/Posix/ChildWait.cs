using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>waitpid(-1, WNOHANG | WUNTRACED): one child that ended or stopped, without ever blocking.</summary>
internal static partial class ChildWait
{

    /// <returns>the pid and its raw wait status; null when no child has anything to report (or none exist).</returns>
    /// <exception cref="SystemCallFailed">waitpid failed for another reason (never documented for -1).</exception>
    public static unsafe (int Pid, int Status)? Next()
    {
        while (true)
        {
            int status;
            var pid = WaitPid(-1, &status, Abi.WNohang | Abi.WUntraced);
            if (pid > 0)
            {
                return (pid, status);
            }
            if (pid == 0)
            {
                return null;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno == Abi.Eintr)
            {
                continue;
            }
            return errno == Abi.Echild ? null : throw SystemCallFailed.FromErrno("waitpid", errno);
        }
    }

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    private static unsafe partial int WaitPid(int pid, int* status, int options);
}
