using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>What exec would say about a path, asked before anything starts. Paths are <see cref="ExactText"/>
/// and reach the kernel byte for byte, as exec will get them.</summary>
internal static unsafe partial class FileChecks
{
    public const int Enoent = Abi.Enoent;
    public const int Enotdir = Abi.Enotdir;
    public const int Eacces = Abi.Eacces;

    private const int FOk = Abi.FOk;
    private const int XOk = Abi.XOk;
    private const int OPath = Abi.OPath, ODirectory = Abi.ODirectory, OCloexec = Abi.OCloexec;

    /// <returns>0 when it is a file (not a directory) this process may execute, else ENOENT or EACCES.</returns>
    public static int Executable(string path)
    {
        // Links are followed, and a directory is not executable, as exec sees them.
        fixed (byte* p = ExactText.Encode(path, terminate: true))
        {
            if (Access(p, FOk) != 0)
            {
                return Enoent;
            }
            return IsDirectory(p) || Access(p, XOk) != 0 ? Eacces : 0;
        }
    }

    /// <summary>Whether this process could chdir into <paramref name="directory"/>: a process may be started in a
    /// directory it cannot search (a user switched by setpriv or su, say), and then cannot enter it again.</summary>
    public static bool CanEnter(string directory)
    {
        fixed (byte* p = ExactText.Encode(directory, terminate: true))
        {
            return Access(p, XOk) == 0;
        }
    }

    /// <summary>Whether <paramref name="path"/> names anything, as `test -e` says: links are followed (a
    /// dangling one names nothing), and a directory, FIFO, socket or device exists as a file does. access(F_OK)
    /// only looks the path up; nothing is opened, so a FIFO without a writer or a device cannot make it wait.</summary>
    public static bool Exists(string path)
    {
        fixed (byte* p = ExactText.Encode(path, terminate: true))
        {
            return Access(p, FOk) == 0;
        }
    }

    public static bool IsDirectory(string path)
    {
        fixed (byte* p = ExactText.Encode(path, terminate: true))
        {
            return IsDirectory(p);
        }
    }

    private static bool IsDirectory(byte* path)
    {
        var fd = Open(path, OPath | ODirectory | OCloexec);
        if (fd < 0)
        {
            return false;
        }
        Libc.Close(fd);
        return true;
    }

    [LibraryImport("libc", EntryPoint = "access")]
    private static partial int Access(byte* path, int mode);

    [LibraryImport("libc", EntryPoint = "open")]
    private static partial int Open(byte* path, int flags);
}
