using Init.Posix;

namespace Init.Processes;

/// <summary>What waitpid reported about one child.</summary>
internal abstract record ChildEvent(int Pid);

internal sealed record ChildExited(int Pid, ExitStatus Status) : ChildEvent(Pid);

/// <summary>A child was stopped (WUNTRACED), e.g. by Ctrl-Z from the terminal it holds.</summary>
internal sealed record ChildStopped(int Pid, int Signal) : ChildEvent(Pid);

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
                ? new ChildStopped(reaped.Pid, WaitStatus.StopSignal(reaped.Status))
                : new ChildExited(reaped.Pid, ExitStatus.FromWaitStatus(reaped.Status)));
        }
    }
}
