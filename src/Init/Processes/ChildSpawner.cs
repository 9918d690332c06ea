using Init.Options;
using Init.Posix;
using Init.Signals;
using Mono.Unix.Native;

namespace Init.Processes;

/// <summary>What became of a spawn: a pid, or why the command could not run and the shell's exit code for it.</summary>
internal readonly record struct SpawnOutcome(int Pid, Errno Error)
{
    public bool Started => Pid > 0;

    /// <summary>127 when the command is not there, 126 when it is there but cannot run: what shells and Docker use.</summary>
    public int ExitCode => Error is Errno.ENOENT or Errno.ENOTDIR ? 127 : 126;
}

/// <summary>Starts a child the way its author expects: own process group, init's start-up signal state, the terminal.</summary>
internal sealed class ChildSpawner
{
    private readonly SignalSet _mask;
    private readonly SignalSet _defaults;
    private readonly Reaper _reaper;
    private readonly IReadOnlyDictionary<string, string> _common;

    /// <param name="commonEnvironment">set for every child (NOTIFY_SOCKET).</param>
    public ChildSpawner(StartupSignalState startup, Reaper reaper, IReadOnlyDictionary<string, string> commonEnvironment)
    {
        _mask = startup.Mask;
        _defaults = startup.DefaultsForChild(SignalNames.RtMax);
        _reaper = reaper;
        _common = commonEnvironment;
    }

    public SpawnOutcome Spawn(ProcessSpec spec, int terminalFd)
    {
        var environment = new Dictionary<string, string>(_common);
        foreach (var (name, value) in spec.Environment)
        {
            environment[name] = value;
        }
        if (spec.Watchdog is { } watchdog)
        {
            // sd_watchdog_enabled() reads this; apps ping at half of it, as systemd recommends.
            environment["WATCHDOG_USEC"] = ((long)(watchdog.TotalMilliseconds * 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var rc = PosixSpawn.Spawn(spec.Command, ownProcessGroup: true, terminalFd, _mask, _defaults,
            spec.WorkingDirectory, environment, out var pid);
        if (rc != 0)
        {
            return new SpawnOutcome(0, NativeConvert.ToErrno(rc));
        }
        _reaper.ChildStarted();
        return new SpawnOutcome(pid, 0);
    }
}
