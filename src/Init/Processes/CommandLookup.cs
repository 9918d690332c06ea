using Mono.Unix.Native;

namespace Init.Processes;

/// <summary>
/// Finds a command the way posix_spawnp will (PATH search unless it names a path), before anything starts:
/// with sidecars, a missing command must be reported before the first process runs, not after.
/// </summary>
internal static class CommandLookup
{
    /// <returns>0 when it can be executed, else ENOENT or EACCES.</returns>
    public static Errno Check(string command, string? workingDirectory)
    {
        if (command.Contains('/'))
        {
            var path = Path.IsPathRooted(command) || workingDirectory is null ? command : Path.Combine(workingDirectory, command);
            return Executable(path);
        }

        var found = Errno.ENOENT;
        var searchPath = Environment.GetEnvironmentVariable("PATH") is { Length: > 0 } p ? p : "/usr/local/bin:/bin:/usr/bin";
        foreach (var dir in searchPath.Split(':'))
        {
            var result = Executable(Path.Combine(dir.Length == 0 ? "." : dir, command));
            if (result == 0)
            {
                return 0;
            }
            if (result == Errno.EACCES)
            {
                found = Errno.EACCES;
            }
        }
        return found;
    }

    private static Errno Executable(string path)
    {
        if (Syscall.stat(path, out var stat) != 0)
        {
            return Errno.ENOENT;
        }
        var isFile = (stat.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFREG;
        return isFile && Syscall.access(path, AccessModes.X_OK) == 0 ? 0 : Errno.EACCES;
    }
}
