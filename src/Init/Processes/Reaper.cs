using Init.Posix;

namespace Init.Processes;

/// <summary>What waitpid reported about one child: it ended (<see cref="Status"/>), or it was stopped by
/// <see cref="StopSignal"/> (WUNTRACED, e.g. Ctrl-Z from the terminal it holds). A value, so reaping a storm
/// of orphans allocates nothing.</summary>
internal readonly record struct ChildEvent(int Pid, ExitStatus Status, int StopSignal)
{
    public static ChildEvent Exited(int pid, ExitStatus status) => new(pid, status, 0);

    public static ChildEvent Stopped(int pid, int signal) => new(pid, default, signal);

    public bool IsStop => StopSignal != 0;
}

/// <summary>
/// Reaps every child that has something to report, ours and every orphan handed to us, as tini does on each
/// SIGCHLD: waitpid(-1, WNOHANG | WUNTRACED) until none is left. SIGCHLD is never handled, only read from the
/// signalfd: with a handler installed the .NET runtime would reap children itself as PID 1 (docs/design.md).
/// </summary>
internal static class Reaper
{
    public static void ReapAll(List<ChildEvent> into)
    {
        while (ChildWait.Next() is { } reaped)
        {
            into.Add(WaitStatus.Stopped(reaped.Status)
                ? ChildEvent.Stopped(reaped.Pid, WaitStatus.StopSignal(reaped.Status))
                : ChildEvent.Exited(reaped.Pid, ExitStatus.FromWaitStatus(reaped.Status)));
        }
    }
}
