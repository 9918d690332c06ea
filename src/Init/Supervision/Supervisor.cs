using System.Diagnostics;
using Init.Options;
using Init.Posix;
using Init.Processes;
using Init.Signals;
using Mono.Unix.Native;
using Serilog;

namespace Init.Supervision;

/// <summary>
/// The one loop, as in tini: spawn the main child, then take events (a signal arrived, a child was reaped,
/// the kill timeout passed) until the main child has exited and nothing is left of its process group.
/// Only this class decides; the signal listener and the reaper just post events.
/// </summary>
internal sealed class Supervisor
{
    /// <summary>How long processes get to vanish after SIGKILL before init stops waiting for them (a zombie
    /// whose parent never reaps it would otherwise hold the group, and init, forever).</summary>
    private static readonly TimeSpan AfterKillGrace = TimeSpan.FromSeconds(2);

    /// <summary>While the main child is gone but its group is not, how often to look again: a group member
    /// whose parent is not init dies without telling init (no event would wake the loop).</summary>
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(200);

    private readonly InitOptions _options;
    private readonly EventQueue _events;
    private readonly ChildSpawner _spawner;
    private readonly ILogger _log;
    private readonly bool _isPid1 = ProcessControl.IsPid1;
    private readonly int _sigterm = SignalNames.Number(Signum.SIGTERM);
    private readonly int _sigkill = SignalNames.Number(Signum.SIGKILL);
    private readonly int _sigstop = SignalNames.Number(Signum.SIGSTOP);
    private readonly int _sigcont = SignalNames.Number(Signum.SIGCONT);

    private int _mainPid;
    private int _terminalFd = -1;
    /// <summary>init passed a job-control stop on itself; the child's stop it causes is not news.</summary>
    private bool _stoppedForJobControl;
    private ExitStatus? _mainExit;
    private long? _deadline;
    private bool _stopSentToGroup;
    private bool _killSent;
    private bool _gaveUp;

    public Supervisor(InitOptions options, EventQueue events, ChildSpawner spawner, ILogger log)
    {
        _options = options;
        _events = events;
        _spawner = spawner;
        _log = log;
    }

    /// <returns>init's exit code.</returns>
    public int Run()
    {
        _terminalFd = ProcessControl.ControllingTerminalFd();
        var outcome = _spawner.Spawn(_options.Command, _terminalFd);
        if (!outcome.Started)
        {
            _log.Error(outcome.ExitCode == 127 ? "{Command}: command not found ({Reason})" : "{Command}: cannot execute ({Reason})",
                _options.Command[0], ProcessControl.Describe(outcome.Error));
            return outcome.ExitCode;
        }
        _mainPid = outcome.Pid;
        _log.Information("started {Command} as pid {Pid}", string.Join(' ', _options.Command), _mainPid);

        while (!Finished)
        {
            var e = _events.Take(TimeUntilDeadline());
            try
            {
                switch (e)
                {
                    case null when DeadlinePassed: OnDeadline(); break;
                    case null: break;
                    case SignalReceived s: OnSignal(s.Signal); break;
                    case ChildExited c: OnChildExited(c.Pid, c.Status); break;
                    case ChildStopped c: OnChildStopped(c.Pid, c.Signal); break;
                    case ReaperFailed f: _log.Error("waitpid failed: {Error}", f.Error); break;
                }
            }
            catch (Exception ex)
            {
                // PID 1 must not die with a child still running: report and keep supervising.
                _log.Error(ex, "error while handling {Event}", e);
            }
        }

        return ExitCode();
    }

    private bool DeadlinePassed => _deadline is { } d && Stopwatch.GetTimestamp() >= d;

    private bool Finished => _gaveUp || (_mainExit is not null && !ProcessSignals.GroupExists(_mainPid));

    private int ExitCode()
    {
        var code = _mainExit?.ExitCode ?? 128 + _sigkill;
        if (_options.SuccessExitCodes.Contains(code))
        {
            _log.Information("exit code {Code} is expected; exiting with 0", code);
            return 0;
        }
        _log.Information("exiting with code {Code}", code);
        return code;
    }

    private void OnSignal(int received)
    {
        var signal = _options.Rewrites.Apply(received);
        if (signal == SignalRewriteMap.Drop)
        {
            _log.Debug("dropped {Signal}", SignalNames.Name(received));
            return;
        }
        if (signal != received)
        {
            _log.Debug("rewrote {From} to {To}", SignalNames.Name(received), SignalNames.Name(signal));
        }

        if (ForwardableSignals.IsJobControlStop(signal))
        {
            StopForJobControl(signal);
            return;
        }

        if (signal == _sigcont)
        {
            // Resumed after a stop (a shell's fg): the terminal went to init's group; the child needs it back.
            _stoppedForJobControl = false;
            ProcessControl.GiveTerminalTo(_terminalFd, _mainPid);
        }

        Forward(signal);
        if (ForwardableSignals.IsShutdownRequest(signal) || ForwardableSignals.IsShutdownRequest(received))
        {
            // A stopped process cannot act on SIGTERM: wake it, as systemd does.
            if (signal != _sigcont)
            {
                Forward(_sigcont);
            }
            BeginShutdown(SignalNames.Name(received));
        }
    }

    /// <summary>dumb-init's job control: pass the stop on, then stop init too, so a shell's `fg` resumes both.
    /// A whole group gets SIGSTOP: TSTP's default stop is ignored by an orphaned process group.</summary>
    private void StopForJobControl(int signal)
    {
        if (_mainExit is null && _options.SignalTarget == SignalTarget.Child)
        {
            ProcessSignals.Send(_mainPid, signal);
        }
        else
        {
            ProcessSignals.SendToGroup(_mainPid, _sigstop);
        }
        _log.Debug("passed on {Signal}", SignalNames.Name(signal));
        if (!_isPid1)
        {
            _stoppedForJobControl = true;
            ProcessControl.StopSelf();
        }
    }

    /// <summary>
    /// Ctrl-Z on the terminal reaches the child's group directly (it is the foreground), not init. A shell
    /// running init as a job waits for init to stop, so init stops too, as a shell's job would. PID 1 has
    /// no such parent and cannot be stopped.
    /// </summary>
    private void OnChildStopped(int pid, int signal)
    {
        // The event may be handled after a SIGCONT already woke the child: act only on a stop still in force.
        if (pid != _mainPid || _mainExit is not null || _isPid1 || _stoppedForJobControl ||
            !ForwardableSignals.IsJobControlStop(signal) || !ProcessTable.IsStopped(pid))
        {
            return;
        }
        _log.Debug("main process stopped by {Signal}; stopping init too", SignalNames.Name(signal));
        _stoppedForJobControl = true;
        ProcessControl.StopSelf();
    }

    private void Forward(int signal)
    {
        var toGroup = _mainExit is not null || _options.SignalTarget == SignalTarget.Group;
        var delivered = toGroup ? ProcessSignals.SendToGroup(_mainPid, signal) : ProcessSignals.Send(_mainPid, signal);
        _log.Debug("forwarded {Signal} to {Target} {Pid}{Missing}", SignalNames.Name(signal),
            toGroup ? "process group" : "pid", _mainPid, delivered ? "" : " (already gone)");
        if (toGroup && signal == _sigterm)
        {
            _stopSentToGroup = true;
        }
    }

    private void BeginShutdown(string reason)
    {
        if (_deadline is not null)
        {
            return;
        }
        _deadline = Stopwatch.GetTimestamp() + (long)(_options.KillTimeout.TotalSeconds * Stopwatch.Frequency);
        _log.Information("{Reason}: shutting down; SIGKILL in {Timeout} if anything is still running", reason,
            Duration.Format(_options.KillTimeout));
    }

    private void OnChildExited(int pid, ExitStatus status)
    {
        if (pid != _mainPid)
        {
            if (_options.WarnOnReap)
            {
                _log.Warning("reaped zombie pid {Pid}: {Status}", pid, status);
            }
            else
            {
                _log.Verbose("reaped pid {Pid}: {Status}", pid, status);
            }
            return;
        }

        _mainExit = status;
        _log.Information("main process {Pid} ended: {Status}", pid, status);
        if (ProcessSignals.GroupExists(_mainPid) && !_stopSentToGroup)
        {
            _log.Information("stopping what the main process left in its group {Pgid}", _mainPid);
            ProcessSignals.SendToGroup(_mainPid, _sigterm);
            ProcessSignals.SendToGroup(_mainPid, _sigcont);
            _stopSentToGroup = true;
            BeginShutdown("main process ended");
        }
    }

    private void OnDeadline()
    {
        if (_killSent)
        {
            _log.Warning("processes in group {Pgid} survived SIGKILL for {Grace}; exiting without them",
                _mainPid, Duration.Format(AfterKillGrace));
            _gaveUp = true;
            return;
        }

        // The kill must happen whatever naming the victims does; state first, so this runs once.
        _killSent = true;
        _deadline = Stopwatch.GetTimestamp() + (long)(AfterKillGrace.TotalSeconds * Stopwatch.Frequency);
        var left = NameGroupMembers();
        ProcessSignals.SendToGroup(_mainPid, _sigkill);
        if (_isPid1)
        {
            ProcessSignals.SendToAll(_sigkill);
        }
        _log.Warning("kill timeout {Timeout} passed; sent SIGKILL to {Processes}", Duration.Format(_options.KillTimeout), left);
    }

    private string NameGroupMembers()
    {
        try
        {
            var members = ProcessTable.InGroup(_mainPid);
            if (members.Count > 0)
            {
                return string.Join(", ", members);
            }
        }
        catch (Exception e)
        {
            _log.Debug("cannot list group {Pgid}: {Error}", _mainPid, e.Message);
        }
        return $"process group {_mainPid}";
    }

    private TimeSpan? TimeUntilDeadline()
    {
        TimeSpan? wait = _deadline is { } deadline ? Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) : null;
        if (_mainExit is not null && (wait is null || wait > DrainPoll))
        {
            wait = DrainPoll;
        }
        return wait;
    }
}
