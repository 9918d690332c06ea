using Init.Logging;
using Init.Options;
using Init.Posix;
using Init.Processes;

namespace Init.Supervision;

/// <summary>The life of each process: started, ready, ended, restarted or given up on (the decisions on
/// signals, phases and deadlines are in Supervisor.cs).</summary>
internal sealed partial class Supervisor
{
    public void OnChild(ChildEvent e)
    {
        if (e.IsStop)
        {
            _jobControl.OnChildStopped(Main, e.Pid, e.StopSignal);
        }
        else if (RunningWithPid(e.Pid) is { } process)
        {
            OnEnded(process, e.Status);
        }
        else if (_options.WarnOnReap)
        {
            _log.Warning("reaped zombie pid {Pid}: {Status}", e.Pid, e.Status);
        }
        else if (_log.IsEnabled(LogLevel.Verbose))
        {
            _log.Verbose("reaped pid {Pid}: {Status}", e.Pid, e.Status);
        }
    }

    /// <summary>A loop, not a query: it runs for every orphan reaped, and must not allocate.</summary>
    private SupervisedProcess? RunningWithPid(int pid)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Pid == pid && All[i].IsRunning)
            {
                return All[i];
            }
        }
        return null;
    }

    /// <summary>An sd_notify message. The sender is known by its pid (kernel credentials) and counts for the
    /// process whose group it is in, so a wrapper's child can speak for it.</summary>
    public void OnNotify(int pid, string message)
    {
        var group = _processes.GroupOf(pid);
        if (All.FirstOrDefault(p => p.IsRunning && (p.Pid == pid || p.Pid == group)) is not { } process)
        {
            _log.Debug("notify message from pid {Pid}, not a process init runs: {Message}", pid, message);
            return;
        }
        foreach (var (key, value) in NotifyMessage.Parse(message))
        {
            switch (key)
            {
                case "READY" when value == "1" && !process.Ready && process.Spec.Ready is Readiness.Notify:
                    MarkReady(process);
                    break;
                case "STATUS":
                    process.StatusText = value;
                    _log.Debug("{Process} status: {Status}", process, value);
                    break;
                case "WATCHDOG" when value == "1":
                    process.LastPing = _clock.Now;
                    break;
                case "STOPPING" when value == "1":
                    _log.Information("{Process} is stopping", process);
                    break;
                case "MAINPID":
                    _log.Debug("{Process} reports main pid {MainPid}", process, value);
                    break;
            }
        }
    }

    private void Spawn(SupervisedProcess process)
    {
        var outcome = _processes.Spawn(process.Spec, giveTerminal: process.IsMain);
        var now = _clock.Now;
        process.StartedAt = now;
        process.State = ProcessState.Running;
        if (!outcome.Started)
        {
            OnEnded(process, ExitStatus.Exited(ReportCannotRun(process, outcome)));
            return;
        }
        process.Pid = outcome.Pid;
        process.StartedAtWall = _clock.WallNow;
        process.Ready = process.Spec.Ready is Readiness.Started;
        process.StatusText = null;
        process.LastPing = now;
        process.LastReadinessCheck = now;
        _log.Information("started {Process}: {Command}", process, string.Join(' ', process.Spec.Command));
    }

    /// <returns>the shell's exit code for it: 127 not found, 126 cannot execute; 1 at the process limit.</returns>
    private int ReportCannotRun(SupervisedProcess process, SpawnOutcome outcome)
    {
        var which = process.IsMain ? "" : $", for sidecar {process.Name}";
        if (outcome.AtProcessLimit)
        {
            // Not "cannot execute": the command is fine, no process could be made for it.
            _log.Error("{Command}: cannot start: {Reason}{Which}", process.Spec.Command[0], ProcessLimit.Explanation, which);
            return outcome.ExitCode;
        }
        _log.Error(outcome.ExitCode == 127 ? "{Command}: command not found ({Reason}){Which}" : "{Command}: cannot execute ({Reason}){Which}",
            process.Spec.Command[0], ErrorText.Strerror(outcome.Error), which);
        return outcome.ExitCode;
    }

    private void MarkReady(SupervisedProcess process)
    {
        process.Ready = true;
        _log.Information("{Process} is ready", process);
    }

    private void OnEnded(SupervisedProcess process, ExitStatus status)
    {
        var now = _clock.Now;
        process.LastExit = status;
        process.State = ProcessState.Down;
        if (process.IsMain)
        {
            _log.Information("main process {Pid} ended: {Status}", process.Pid, status);
            BeginShutdown("main process ended", null);
            return;
        }
        if (Phase is InitPhase.Stopping or InitPhase.Done)
        {
            _log.Information("{Process} ended: {Status}", process, status);
            return;
        }
        if (process.Pid > 0 && _processes.GroupExists(process.Pid))
        {
            // What the sidecar left behind would outlive it, and its restart would start a second copy.
            _signaler.StopGroup(process, SignalNumbers.Term);
        }
        var window = process.Spec.Restart.Window;
        switch (process.Restarts.OnExit(status, now - process.StartedAt, now))
        {
            case RestartDecision.Restart r:
                process.State = ProcessState.WaitingToRestart;
                process.RestartAt = now + r.Delay;
                _log.Warning("{Process} ended: {Status}; restart {Count} in {Delay}", process, status,
                    process.Restarts.Restarts, Duration.Format(r.Delay));
                break;
            case RestartDecision.GiveUp g when process.Spec.Restart.OnGiveUp == GiveUpAction.Exit:
                _log.Error("{Process} ended: {Status}; {Count} restarts within {Window}: giving up, stopping everything",
                    process, status, g.RestartsInWindow, Duration.Format(window));
                _exitCodeOverride = status.ExitCode != 0 ? status.ExitCode : 1;
                BeginShutdown($"sidecar {process.Name} gave up", null);
                break;
            case RestartDecision.GiveUp g:
                process.State = ProcessState.GaveUp;
                _log.Error("{Process} ended: {Status}; {Count} restarts within {Window}: giving up, leaving it down",
                    process, status, g.RestartsInWindow, Duration.Format(window));
                break;
            default:
                _log.Warning("{Process} ended: {Status}; its restart policy ({Policy}) keeps it down", process, status,
                    process.Spec.Restart.Mode);
                break;
        }
    }
}
