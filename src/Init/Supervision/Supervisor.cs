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

    private readonly InitOptions _options;
    private readonly EventQueue _events;
    private readonly ChildSpawner _spawner;
    private readonly ILogger _log;
    private readonly bool _isPid1 = ProcessControl.IsPid1;
    private readonly int _sigterm = SignalNames.Number(Signum.SIGTERM);
    private readonly int _sigkill = SignalNames.Number(Signum.SIGKILL);
    private readonly int _sigstop = SignalNames.Number(Signum.SIGSTOP);

    private int _mainPid;
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
        var outcome = _spawner.Spawn(_options.Command, ProcessControl.ControllingTerminalFd());
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
                    case null: OnDeadline(); break;
                    case SignalReceived s: OnSignal(s.Signal); break;
                    case ChildExited c: OnChildExited(c.Pid, c.Status); break;
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

        Forward(signal);
        if (ForwardableSignals.IsShutdownRequest(signal) || ForwardableSignals.IsShutdownRequest(received))
        {
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
            ProcessControl.StopSelf();
        }
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

        var left = ProcessTable.InGroup(_mainPid);
        _log.Warning("kill timeout {Timeout} passed; sending SIGKILL to {Processes}",
            Duration.Format(_options.KillTimeout), left.Count > 0 ? string.Join(", ", left) : $"process group {_mainPid}");
        ProcessSignals.SendToGroup(_mainPid, _sigkill);
        if (_isPid1)
        {
            ProcessSignals.SendToAll(_sigkill);
        }
        _killSent = true;
        _deadline = Stopwatch.GetTimestamp() + (long)(AfterKillGrace.TotalSeconds * Stopwatch.Frequency);
    }

    private TimeSpan? TimeUntilDeadline() =>
        _deadline is { } deadline ? Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) : null;
}
