using Init.Options;
using Init.Posix;

namespace Init.Processes;

/// <summary>The real <see cref="IProcesses"/>: spawn, kill, /proc and the terminal.</summary>
internal sealed class LiveProcesses(ChildSpawner spawner) : IProcesses
{
    /// <summary>stdin when it is init's controlling terminal (docker run -it), else -1.</summary>
    private readonly int _terminalFd = ProcessControl.ControllingTerminalFd();

    private readonly ReadinessProbe _readiness = new();

    public string? MissingDirectory(ProcessSpec spec) => spawner.MissingDirectory(spec);

    public int CheckCommand(ProcessSpec spec) => spawner.Check(spec);

    public SpawnOutcome Spawn(ProcessSpec spec, bool giveTerminal) => spawner.Spawn(spec, giveTerminal ? _terminalFd : -1);

    public bool Signal(int pid, int signal) => ProcessSignals.Send(pid, signal);

    public bool SignalGroup(int pgid, int signal) => ProcessSignals.SendToGroup(pgid, signal);

    public void SignalEveryone(int signal) => ProcessSignals.SendToAll(signal);

    public bool GroupExists(int pgid) => ProcessSignals.GroupExists(pgid);

    public string DescribeGroup(int pgid)
    {
        try
        {
            var members = ProcessTable.InGroup(pgid);
            if (members.Count > 0)
            {
                return string.Join(", ", members);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // /proc unreadable: the group's number still says what was killed.
        }
        return $"process group {pgid}";
    }

    public bool IsStopped(int pid) => ProcessTable.IsStopped(pid);

    private static List<int> StoppedAmong(IReadOnlyList<ProcessTable.Entry> processes)
    {
        var stopped = new List<int>();
        foreach (var p in processes)
        {
            if (p.State == 'T')
            {
                stopped.Add(p.Pid);
            }
        }
        return stopped;
    }

    public IReadOnlyList<int> StoppedInGroup(int pgid)
    {
        try
        {
            return ProcessTable.StoppedDescendantsInGroup(pgid) ?? StoppedAmong(ProcessTable.InGroup(pgid));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // without /proc nobody can be seen stopped; a stopped process then waits for the kill timeout
        }
    }

    public int GroupOf(int pid) => ProcessTable.GroupOf(pid);

    public ProbeResult CheckReady(ProcessSpec spec) => _readiness.Check(spec);

    public void DropReadinessCheck(ProcessSpec spec) => _readiness.Drop(spec);

    public void StopSelf() => ProcessControl.StopSelf();

    public void GiveTerminalTo(int pgid) => ProcessControl.GiveTerminalTo(_terminalFd, pgid);
}
