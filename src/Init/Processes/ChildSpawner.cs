using System.Globalization;
using Init.Options;
using Init.Posix;

namespace Init.Processes;

/// <summary>Starts a child the way its author expects: own process group, init's start-up signal state, the terminal.</summary>
internal sealed class ChildSpawner(IReadOnlyDictionary<string, string> commonEnvironment)
{
    /// <param name="terminalFd">when not -1, the child's group becomes that terminal's foreground group.</param>
    public SpawnOutcome Spawn(ProcessSpec spec, int terminalFd)
    {
        var (path, error) = CommandLookup.Resolve(spec.Command[0], spec.WorkingDirectory);
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
        var rc = ChildSpawn.Spawn(path, spec.Command, terminalFd, spec.WorkingDirectory, environment, out var pid);
        return rc == 0 ? new SpawnOutcome(pid, 0) : SpawnOutcome.Failed(rc);
    }
}
