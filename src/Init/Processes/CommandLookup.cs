using Init.Posix;

namespace Init.Processes;

/// <summary>
/// Finds a command as a shell would (a PATH search unless it names a path), before anything starts: with
/// sidecars, a missing command must be reported before the first process runs, not after. The path found is
/// what is executed, so the check and the exec cannot disagree.
/// </summary>
internal static class CommandLookup
{
    private const string DefaultPath = "/usr/local/bin:/bin:/usr/bin";

    /// <param name="workingDirectory">the child's (exec runs after its chdir, so relative paths, in the
    /// command or in PATH, are relative to it); null for init's own.</param>
    /// <returns>the path to execute and 0, or null and ENOENT or EACCES.</returns>
    public static (string? Path, int Error) Resolve(string command, string? workingDirectory)
    {
        if (command.Length == 0)
        {
            return (null, FileChecks.Enoent); // as execvp says of "": no such file
        }
        if (command.Contains('/'))
        {
            var path = Path.IsPathRooted(command) || workingDirectory is null ? command : Path.Combine(workingDirectory, command);
            var error = FileChecks.Executable(path);
            return (error == 0 ? command : null, error);
        }

        var found = FileChecks.Enoent;
        var searchPath = ProcessStrings.Variable("PATH") is { Length: > 0 } p ? p : DefaultPath;
        foreach (var dir in searchPath.Split(':'))
        {
            // An empty entry is the current directory: the child's.
            var candidate = Path.GetFullPath(Path.Combine(workingDirectory ?? ".", dir.Length == 0 ? "." : dir, command));
            var result = FileChecks.Executable(candidate);
            if (result == 0)
            {
                return (candidate, 0);
            }
            if (result == FileChecks.Eacces)
            {
                found = FileChecks.Eacces;
            }
        }
        return (null, found);
    }
}
