using System.Runtime.InteropServices;

namespace Bench;

internal static partial class Native
{
    public const int SIGUSR1 = 10, SIGTERM = 15, SIGKILL = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
