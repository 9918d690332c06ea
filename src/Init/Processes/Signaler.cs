using Init.Options;
using Init.Posix;
using Init.Signals;
using Init.Logging;

namespace Init.Processes;

/// <summary>Sends signals to the processes init runs the way the options say: the main process's group (the
/// default) or the main process alone, and whole groups for sidecars. Every send is logged at debug level.</summary>
internal sealed class Signaler(IProcesses processes, SignalTarget target, Log log)
{
    /// <summary>The main process's group already had SIGTERM (so what it leaves behind need not get another).</summary>
    public bool MainGroupGotTerm { get; private set; }

    public void ToMain(SupervisedProcess main, int signal)
    {
        if (main.Pid <= 0)
        {
            // Not started yet: kill(0) would signal init's own group.
            log.Write(LogEvents.SignalNotForwarded, SignalNames.Name(signal));
            return;
        }
        var toGroup = !main.IsRunning || target == SignalTarget.Group;
        var delivered = toGroup ? processes.SignalGroup(main.Pid, signal) : processes.Signal(main.Pid, signal);
        if (log.IsEnabled(LogEvents.SignalForwarded.Level))
        {
            log.Write(LogEvents.SignalForwarded, SignalNames.Name(signal),
                toGroup ? LogValue.Word("group", "the group of ") : LogValue.Word("process", ""), main,
                LogValue.Flag(delivered, "", " (already gone)"));
        }
        if (toGroup && signal == SignalNumbers.Term)
        {
            MainGroupGotTerm = true;
        }
    }

    /// <summary>
    /// A stop signal to the main process, and SIGCONT to the processes it reached that are stopped (they could
    /// not act on it otherwise). Nobody else gets a SIGCONT nobody sent: a child that logs its signals sees
    /// exactly what it would see under tini.
    /// </summary>
    public void StopMain(SupervisedProcess main, int signal)
    {
        ToMain(main, signal);
        if (main.Pid <= 0)
        {
            return;
        }
        if (!main.IsRunning || target == SignalTarget.Group)
        {
            ContinueStopped(main.Pid);
        }
        else if (processes.IsStopped(main.Pid))
        {
            processes.Signal(main.Pid, SignalNumbers.Cont);
            log.Write(LogEvents.StoppedContinued, SignalNames.Name(SignalNumbers.Cont), main.Pid);
        }
    }

    public void ToGroup(SupervisedProcess process, int signal)
    {
        if (process.Pid > 0)
        {
            processes.SignalGroup(process.Pid, signal);
            if (log.IsEnabled(LogEvents.SignalSent.Level))
            {
                log.Write(LogEvents.SignalSent, SignalNames.Name(signal), process);
            }
        }
    }

    /// <summary>SIGTERM (and SIGCONT to the stopped) to what the ended main process left in its group.</summary>
    public void StopLeftovers(SupervisedProcess main)
    {
        StopGroup(main, SignalNumbers.Term);
        MainGroupGotTerm = true;
    }

    /// <summary>A stop signal to a whole group, then SIGCONT to those of its members that are stopped.</summary>
    public void StopGroup(SupervisedProcess process, int signal)
    {
        ToGroup(process, signal);
        if (process.Pid > 0)
        {
            ContinueStopped(process.Pid);
        }
    }

    private void ContinueStopped(int pgid)
    {
        foreach (var pid in processes.StoppedInGroup(pgid))
        {
            processes.Signal(pid, SignalNumbers.Cont);
            log.Write(LogEvents.StoppedContinued, SignalNames.Name(SignalNumbers.Cont), pid);
        }
    }
}
