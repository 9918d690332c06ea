using System.Globalization;
using Init.Options;
using Init.Posix;

namespace Init.Processes;

/// <summary>Starts a child the way its author expects: own process group, init's start-up signal state, the
/// terminal, and the directory init was started in (or its WORKDIR, relative to that).</summary>
/// <param name="commonEnvironment">set for every child (NOTIFY_SOCKET).</param>
/// <param name="startDirectory">init's start directory; null when it could not be named or entered again (init then stays in it, and children inherit it).</param>
internal sealed class ChildSpawner(IReadOnlyDictionary<string, string> commonEnvironment, string? startDirectory)
{
    /// <returns>the child's working directory when it does not exist (a sidecar's WORKDIR); else null.</returns>
    public string? MissingDirectory(ProcessSpec spec) =>
        spec.WorkingDirectory is not null && DirectoryOf(spec) is { } directory && !FileChecks.IsDirectory(directory) ? directory : null;

    /// <returns>0 when the command can be executed, else ENOENT or EACCES.</returns>
    public int Check(ProcessSpec spec) => CommandLookup.Resolve(spec.Command[0], DirectoryOf(spec)).Error;

    /// <param name="terminalFd">when not -1, the child's group becomes that terminal's foreground group.</param>
    public SpawnOutcome Spawn(ProcessSpec spec, int terminalFd)
    {
        var directory = DirectoryOf(spec);
        var (path, error) = CommandLookup.Resolve(spec.Command[0], directory);
        if (path is null)
        {
            return SpawnOutcome.Failed(error);
        }
        var environment = new Dictionary<string, string>(commonEnvironment);
        foreach (var (name, value) in spec.Environment)
        {
            environment[name] = value;
        }
        if (spec.Watchdog is { } watchdog)
        {
            // sd_watchdog_enabled() reads this; apps ping at half of it, as systemd recommends.
            environment["WATCHDOG_USEC"] = ((long)(watchdog.TotalMilliseconds * 1000)).ToString(CultureInfo.InvariantCulture);
        }
        var rc = ChildSpawn.Spawn(path, spec.Command, terminalFd, directory, environment, out var pid);
        return rc == 0 ? new SpawnOutcome(pid, 0) : SpawnOutcome.Failed(rc);
    }

    private string? DirectoryOf(ProcessSpec spec) =>
        spec.WorkingDirectory is not { } workdir ? startDirectory
        : startDirectory is null ? workdir
        : Path.Combine(startDirectory, workdir);
}
