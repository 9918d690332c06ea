using Mono.Unix.Native;

namespace Init.Posix;

/// <summary>What exec would say about a path, asked before anything starts.</summary>
internal static class FileChecks
{
    public const int Enoent = 2;
    public const int Enotdir = 20;
    public const int Eacces = 13;

    /// <returns>0 when it is a regular file this process may execute, else ENOENT or EACCES.</returns>
    public static int Executable(string path)
    {
        if (Syscall.stat(path, out var stat) != 0)
        {
            return Enoent;
        }
        var isFile = (stat.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFREG;
        return isFile && Syscall.access(path, AccessModes.X_OK) == 0 ? 0 : Eacces;
    }
}
