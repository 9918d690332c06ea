// floor PROGRAM: posix_spawn PROGRAM (no arguments, an empty environment), wait for it, exit with its code.
using System;
using System.Runtime.InteropServices;

unsafe
{
    var path = Marshal.StringToHGlobalAnsi(args[0]);
    var argv = stackalloc IntPtr[2] { path, IntPtr.Zero };
    var envp = stackalloc IntPtr[1] { IntPtr.Zero };
    int pid;
    if (Native.posix_spawn(&pid, path, IntPtr.Zero, IntPtr.Zero, argv, envp) != 0)
    {
        return 127;
    }
    int status;
    Native.waitpid(pid, &status, 0);
    return (status >> 8) & 0xff;
}

internal static unsafe class Native
{
    [DllImport("libc")]
    public static extern int posix_spawn(int* pid, IntPtr path, IntPtr actions, IntPtr attr, IntPtr* argv, IntPtr* envp);

    [DllImport("libc")]
    public static extern int waitpid(int pid, int* status, int options);
}
