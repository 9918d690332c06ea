using Init.Options;
using Init.Posix;
using Init.Signals;
using Serilog;

namespace Init.Processes;

/// <summary>Sends signals to the processes init runs the way the options say: the main process's group (the
/// default) or the main process alone, and whole groups for sidecars. Every send is logged at debug level.</summary>
internal sealed class Signaler(IProcesses processes, SignalTarget target, ILogger log)
{
    /// <summary>The main process's group already had SIGTERM (so what it leaves behind need not get another).</summary>
    public bool MainGroupGotTerm { get; private set; }

    public void ToMain(SupervisedProcess main, int signal)
    {
        if (main.Pid <= 0)
        {
            // Not started yet: kill(0) would signal init's own group.
            log.Debug("{Signal} not forwarded: the main process has not started", SignalNames.Name(signal));
            return;
        }
        var toGroup = !main.IsRunning || target == SignalTarget.Group;
        var delivered = toGroup ? processes.SignalGroup(main.Pid, signal) : processes.Signal(main.Pid, signal);
        log.Debug("forwarded {Signal} to {Target} {Pid}{Missing}", SignalNames.Name(signal),
            toGroup ? "process group" : "pid", main.Pid, delivered ? "" : " (already gone)");
        if (toGroup && signal == SignalNumbers.Term)
        {
            MainGroupGotTerm = true;
        }
    }

    /// <summary>A stop signal and then SIGCONT to the main process: a stopped process could not act on it.</summary>
    public void StopMain(SupervisedProcess main, int signal)
    {
        ToMain(main, signal);
        ToMain(main, SignalNumbers.Cont);
    }

    public void ToGroup(SupervisedProcess process, int signal)
    {
        if (process.Pid > 0)
        {
            processes.SignalGroup(process.Pid, signal);
            log.Debug("sent {Signal} to process group {Pid}", SignalNames.Name(signal), process.Pid);
        }
    }

    /// <summary>SIGTERM (then SIGCONT) to what the ended main process left in its group.</summary>
    public void StopLeftovers(SupervisedProcess main)
    {
        StopGroup(main, SignalNumbers.Term);
        MainGroupGotTerm = true;
    }

    /// <summary>A stop signal to a whole group, then SIGCONT.</summary>
    public void StopGroup(SupervisedProcess process, int signal)
    {
        ToGroup(process, signal);
        ToGroup(process, SignalNumbers.Cont);
    }
}
