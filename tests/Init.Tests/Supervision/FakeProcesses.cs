using Init.Options;
using Init.Processes;
using Init.Supervision;

namespace Init.Tests.Supervision;

/// <summary>Records what the supervisor would do to processes; the test decides which groups still exist.</summary>
internal sealed class FakeProcesses : IProcesses
{
    private int _nextPid = 100;

    /// <summary>Every action, in order: "spawn NAME PID", "kill PID SIG", "killpg PGID SIG", "killall SIG", "stop self", "terminal PGID", "drop check NAME".</summary>
    public List<string> Actions { get; } = [];

    /// <summary>Off: signals are not written down (so a test can count what the supervisor itself allocates).</summary>
    public bool RecordSignals { get; set; } = true;

    /// <summary>Groups that still have members; a spawned process's group exists until the test says otherwise.</summary>
    public HashSet<int> LiveGroups { get; } = [];

    public HashSet<int> Stopped { get; } = [];

    /// <summary>What every polled readiness check finds.</summary>
    public ProbeResult Probe { get; set; } = ProbeResult.NotReady;

    public bool ReadyNow { set => Probe = value ? ProbeResult.Ready : ProbeResult.NotReady; }

    public Dictionary<string, int> Pids { get; } = [];

    public int CheckCommand(ProcessSpec spec) => 0;

    public string? MissingDirectory(ProcessSpec spec) => null;

    /// <summary>Processes whose spawn fails, with the errno init_spawn would return.</summary>
    public Dictionary<string, int> SpawnErrors { get; } = [];

    public SpawnOutcome Spawn(ProcessSpec spec, bool giveTerminal)
    {
        if (SpawnErrors.TryGetValue(spec.Name, out var error))
        {
            Actions.Add($"spawn {spec.Name} failed");
            return SpawnOutcome.Failed(error);
        }
        var pid = _nextPid++;
        Pids[spec.Name] = pid;
        LiveGroups.Add(pid);
        Actions.Add($"spawn {spec.Name} {pid}");
        return new SpawnOutcome(pid, 0);
    }

    public bool Signal(int pid, int signal)
    {
        if (RecordSignals)
        {
            Actions.Add($"kill {pid} {signal}");
        }
        return true;
    }

    public bool SignalGroup(int pgid, int signal)
    {
        if (RecordSignals)
        {
            Actions.Add($"killpg {pgid} {signal}");
        }
        return LiveGroups.Contains(pgid);
    }

    public void SignalEveryone(int signal) => Actions.Add($"killall {signal}");

    public bool GroupExists(int pgid) => LiveGroups.Contains(pgid);

    public string DescribeGroup(int pgid) => $"group {pgid}";

    public bool IsStopped(int pid) => Stopped.Contains(pid);

    /// <summary>Each group here has one member, its leader.</summary>
    public IReadOnlyList<int> StoppedInGroup(int pgid) => Stopped.Contains(pgid) ? [pgid] : [];

    public int GroupOf(int pid) => pid;

    public ProbeResult CheckReady(ProcessSpec spec) => Probe;

    public void DropReadinessCheck(ProcessSpec spec) => Actions.Add($"drop check {spec.Name}");

    public void StopSelf() => Actions.Add("stop self");

    public void GiveTerminalTo(int pgid) => Actions.Add($"terminal {pgid}");
}

internal sealed class ManualClock : IClock
{
    public TimeSpan Now { get; set; } = TimeSpan.FromSeconds(1000);

    public DateTimeOffset WallNow => DateTimeOffset.UnixEpoch + Now;

    public void Advance(TimeSpan by) => Now += by;
}
