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
        else if (RunningAs(e.Pid, e.Pid) is { } process)
        {
            OnEnded(process, e.Status);
        }
        else if (_options.WarnOnReap)
        {
            _log.Write(LogEvents.ZombieReaped, e.Pid, e.Status);
        }
        else if (_log.IsEnabled(LogEvents.OrphanReaped.Level))
        {
            _log.Write(LogEvents.OrphanReaped, e.Pid, e.Status);
        }
    }

    /// <summary>The running process that is <paramref name="pid"/> or leads its <paramref name="group"/>. A loop,
    /// not a query or a foreach over the interface: it runs for every orphan reaped, and must not allocate.</summary>
    private SupervisedProcess? RunningAs(int pid, int group)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].IsRunning && (All[i].Pid == pid || All[i].Pid == group))
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
        if (RunningAs(pid, group) is not { } process)
        {
            _log.Write(LogEvents.NotifyFromStranger, pid, message);
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
                    _log.Write(LogEvents.NotifyStatus, process, value);
                    break;
                case "WATCHDOG" when value == "1":
                    process.LastPing = _clock.Now;
                    break;
                case "STOPPING" when value == "1":
                    _log.Write(LogEvents.NotifyStopping, process);
                    break;
                case "MAINPID":
                    _log.Write(LogEvents.NotifyMainPid, process, value);
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
        _log.Write(LogEvents.Started, process, LogValue.Command(process.Spec.Command));
    }

    /// <returns>the shell's exit code for it: 127 not found, 126 cannot execute; 1 at the process limit.</returns>
    private int ReportCannotRun(SupervisedProcess process, SpawnOutcome outcome)
    {
        if (outcome.AtProcessLimit)
        {
            // Not "cannot execute": the command is fine, no process could be made for it.
            _log.Write(LogEvents.ProcessLimitReached, process.Spec.Command[0], ProcessLimit.Explanation, process);
            return outcome.ExitCode;
        }
        _log.Write(outcome.ExitCode == 127 ? LogEvents.CommandNotFound : LogEvents.CommandNotExecutable,
            process.Spec.Command[0], ErrorText.Strerror(outcome.Error), process);
        return outcome.ExitCode;
    }

    /// <summary>A polled readiness check at its tick. A TCP connect unanswered for
    /// <see cref="Deadlines.ReadinessConnectTimeout"/> is dropped, and the next tick sends a fresh one.</summary>
    private void CheckReadiness(SupervisedProcess process, TimeSpan now)
    {
        var result = _processes.CheckReady(process.Spec);
        if (result == ProbeResult.Ready)
        {
            MarkReady(process);
        }
        if (result != ProbeResult.InFlight)
        {
            process.ReadinessInFlightSince = null;
            return;
        }
        process.ReadinessInFlightSince ??= now;
        if (now - process.ReadinessInFlightSince >= Deadlines.ReadinessConnectTimeout)
        {
            DropReadinessCheck(process);
        }
    }

    /// <summary>Closes the process's connect in flight: it ended, or readiness no longer applies (the
    /// shutdown has begun), or its connect took too long.</summary>
    private void DropReadinessCheck(SupervisedProcess process)
    {
        if (process.ReadinessInFlightSince is not null)
        {
            process.ReadinessInFlightSince = null;
            _processes.DropReadinessCheck(process.Spec);
        }
    }

    private void DropReadinessChecks()
    {
        for (var i = 0; i < All.Count; i++)
        {
            DropReadinessCheck(All[i]);
        }
    }

    private void MarkReady(SupervisedProcess process)
    {
        process.Ready = true;
        _log.Write(LogEvents.Ready, process);
    }

    private void OnEnded(SupervisedProcess process, ExitStatus status)
    {
        var now = _clock.Now;
        DropReadinessCheck(process);
        process.LastExit = status;
        process.State = ProcessState.Down;
        if (process.IsMain)
        {
            _log.Write(Phase is InitPhase.Stopping or InitPhase.Done ? LogEvents.ExitedDuringShutdown : LogEvents.MainExited,
                process, status);
            BeginShutdown("main process ended", null);
            return;
        }
        if (Phase is InitPhase.Stopping or InitPhase.Done)
        {
            _log.Write(LogEvents.ExitedDuringShutdown, process, status);
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
                _log.Write(LogEvents.SidecarRestarting, process, status, process.Restarts.Restarts, r.Delay);
                break;
            case RestartDecision.GiveUp g when process.Spec.Restart.OnGiveUp == GiveUpAction.Exit:
                _log.Write(LogEvents.SidecarGaveUp, process, status, g.RestartsInWindow, window);
                _exitCodeOverride = status.ExitCode != 0 ? status.ExitCode : 1;
                BeginShutdown($"sidecar {process.Name} gave up", null);
                break;
            case RestartDecision.GiveUp g:
                process.State = ProcessState.GaveUp;
                _log.Write(LogEvents.SidecarLeftDown, process, status, g.RestartsInWindow, window);
                break;
            default:
                _log.Write(LogEvents.SidecarNotRestarted, process, status, process.Spec.Restart.ModeName);
                break;
        }
    }
}
