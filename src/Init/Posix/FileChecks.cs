using System.Runtime.InteropServices;

namespace Init.Posix;

/// <summary>What exec would say about a path, asked before anything starts.</summary>
internal static partial class FileChecks
{
    public const int Enoent = 2;
    public const int Enotdir = 20;
    public const int Eacces = 13;

    private const int XOk = 1;

    /// <returns>0 when it is a regular file this process may execute, else ENOENT or EACCES.</returns>
    public static int Executable(string path)
    {
        // File.Exists follows links and is false for directories, as exec sees them.
        if (!File.Exists(path))
        {
            return Directory.Exists(path) ? Eacces : Enoent;
        }
        return Access(path, XOk) == 0 ? 0 : Eacces;
    }

    [LibraryImport("libc", EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);
}
