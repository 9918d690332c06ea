using Init.Options;
using Init.Posix;
using Init.Processes;
using Init.Signals;
using Init.Logging;

namespace Init.Supervision;

/// <summary>
/// dumb-init's job control: a stop signal is passed on, then init stops too, so the shell that runs init as a
/// job gets its prompt back and `fg` resumes both. PID 1 has no such parent and is never stopped.
/// </summary>
internal sealed class JobControl(IProcesses processes, SignalTarget target, bool isPid1, Log log)
{
    /// <summary>init stopped itself for a job-control stop; the child's stop that follows is not news.</summary>
    private bool _stopped;

    /// <summary>TSTP, TTIN or TTOU received. A whole group gets SIGSTOP: TSTP's default stop is ignored by an
    /// orphaned process group.</summary>
    public void PassOnStop(SupervisedProcess main, int signal)
    {
        if (main.Pid <= 0)
        {
            return;
        }
        if (main.IsRunning && target == SignalTarget.Child)
        {
            processes.Signal(main.Pid, signal);
        }
        else
        {
            processes.SignalGroup(main.Pid, SignalNumbers.Stop);
        }
        log.Write(LogEvents.StopPassedOn, SignalNames.Name(signal), main);
        StopSelf();
    }

    /// <summary>Resumed (a shell's fg): the terminal went to init's group; the child needs it back.</summary>
    public void OnContinue(SupervisedProcess main)
    {
        _stopped = false;
        if (main.Pid > 0)
        {
            processes.GiveTerminalTo(main.Pid);
        }
    }

    /// <summary>
    /// Ctrl-Z on the terminal reaches the child's group directly (it is the foreground), not init. A shell
    /// running init as a job waits for init to stop, so init stops too, as a shell's job would.
    /// </summary>
    public void OnChildStopped(SupervisedProcess main, int pid, int signal)
    {
        // Reaped late, a SIGCONT may already have woken it: act only on a stop still in force.
        if (pid != main.Pid || !main.IsRunning || _stopped || !ForwardableSignals.IsJobControlStop(signal) ||
            !processes.IsStopped(pid))
        {
            return;
        }
        log.Write(LogEvents.MainStopped, main, SignalNames.Name(signal));
        StopSelf();
    }

    private void StopSelf()
    {
        if (!isPid1)
        {
            _stopped = true;
            processes.StopSelf();
        }
    }
}
