using Init.Processes;
using Init.Status;

namespace Init.Supervision;

/// <summary>What `init status` shows of a process.</summary>
internal static class StatusSnapshots
{
    public static ProcessSnapshot Of(SupervisedProcess p) => new(
        p.Name, p.Pid,
        p.State switch
        {
            ProcessState.NotStarted => "not started",
            ProcessState.Running => "running",
            ProcessState.WaitingToRestart => "restarting",
            ProcessState.GaveUp => "gave up",
            _ => "down",
        },
        Ready: p.IsRunning && p.Ready,
        Required: p.IsMain || p.Spec.Required,
        p.Restarts.Restarts,
        p.IsRunning ? p.StartedAtWall : null,
        p.LastExit?.ToString(),
        p.StatusText,
        // Read now, not at spawn: a process that has ended but is not reaped yet still has it.
        p.IsRunning ? ProcessTable.StartTicks(p.Pid) : null);
}
