using Init.Options;

namespace Init.Processes;

/// <summary>
/// Everything the supervisor does to processes (and to init itself). The decisions above it are plain code;
/// this is where they meet the system, so tests of those decisions can see what they would do.
/// </summary>
internal interface IProcesses
{
    /// <summary>The working directory a process would start in, when it does not exist; else null.</summary>
    string? MissingDirectory(ProcessSpec spec);

    /// <summary>Whether the command can be executed: 0, or ENOENT / EACCES (asked before anything starts).</summary>
    int CheckCommand(ProcessSpec spec);

    /// <param name="giveTerminal">make the child's group the foreground of init's terminal, if it has one.</param>
    SpawnOutcome Spawn(ProcessSpec spec, bool giveTerminal);

    /// <summary>false when no such process exists any more.</summary>
    bool Signal(int pid, int signal);

    /// <summary>false when the group has no process left.</summary>
    bool SignalGroup(int pgid, int signal);

    /// <summary>As PID 1: every process in the namespace but init.</summary>
    void SignalEveryone(int signal);

    /// <summary>True while any process, zombies included, is still in the group.</summary>
    bool GroupExists(int pgid);

    /// <summary>The group's members as "pid (name)", for the log; the group's number when none can be read.</summary>
    string DescribeGroup(int pgid);

    /// <summary>True while the process is stopped; false once it runs again or is gone.</summary>
    bool IsStopped(int pid);

    /// <summary>The members of the group that are stopped now (state T).</summary>
    IReadOnlyList<int> StoppedInGroup(int pgid);

    /// <summary>The process group of a live process; 0 when it is gone.</summary>
    int GroupOf(int pid);

    /// <summary>Runs the process's polled readiness check (TCP, file) once, without waiting: a TCP connect not
    /// answered yet is InFlight, and the next call looks at that same connect.</summary>
    ProbeResult CheckReady(ProcessSpec spec);

    /// <summary>Gives up the process's TCP connect in flight, if any (too slow, or the check no longer applies).</summary>
    void DropReadinessCheck(ProcessSpec spec);

    /// <summary>Stops init itself (job control; never as PID 1).</summary>
    void StopSelf();

    /// <summary>Hands init's terminal (if any, and only while init holds it) to that group.</summary>
    void GiveTerminalTo(int pgid);
}
