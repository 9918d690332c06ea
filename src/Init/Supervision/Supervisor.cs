using System.Diagnostics;
using Init.Options;
using Init.Posix;
using Init.Processes;
using Init.Signals;
using Mono.Unix.Native;
using Serilog;

namespace Init.Supervision;

/// <summary>
/// The one loop, as in tini: start the sidecars, then the main process, then take events (a signal arrived,
/// a child ended or stopped, a timer is due) until the main process has ended and everything is stopped.
/// Only this class decides; the signal listener and the reaper just post events.
/// </summary>
internal sealed class Supervisor
{
    /// <summary>How long processes get to vanish after SIGKILL before init stops waiting for them (a zombie
    /// whose parent never reaps it would otherwise hold the group, and init, forever).</summary>
    private static readonly TimeSpan AfterKillGrace = TimeSpan.FromSeconds(2);

    /// <summary>While a stopped process's group is still there, how often to look again: a group member whose
    /// parent is not init dies without telling init (no event would wake the loop).</summary>
    private static readonly TimeSpan GroupPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a TCP or file readiness check is repeated until it passes (no wake-ups after).</summary>
    private static readonly TimeSpan ReadinessPoll = TimeSpan.FromMilliseconds(100);

    private readonly InitOptions _options;
    private readonly EventQueue _events;
    private readonly ChildSpawner _spawner;
    private readonly ILogger _log;
    private readonly Status.StatusPublisher _status;
    private readonly bool _isPid1 = ProcessControl.IsPid1;
    private readonly int _sigterm = SignalNames.Number(Signum.SIGTERM);
    private readonly int _sigkill = SignalNames.Number(Signum.SIGKILL);
    private readonly int _sigstop = SignalNames.Number(Signum.SIGSTOP);
    private readonly int _sigcont = SignalNames.Number(Signum.SIGCONT);
    private readonly SupervisedProcess _main;
    private readonly List<SupervisedProcess> _sidecars;

    private int _terminalFd = -1;
    /// <summary>init passed a job-control stop on itself; the child's stop it causes is not news.</summary>
    private bool _stoppedForJobControl;
    private bool _mainGroupSignaled;
    private long? _drainUntil;
    private int _drainSignal;
    /// <summary>The shutdown signal already went to the main process (during the shutdown delay).</summary>
    private bool _mainSignaledEarly;
    private ShutdownSequence? _shutdown;
    private int? _exitCodeOverride;

    public Supervisor(InitOptions options, EventQueue events, ChildSpawner spawner, Status.StatusPublisher status, ILogger log)
    {
        _options = options;
        _events = events;
        _spawner = spawner;
        _status = status;
        _log = log;
        _main = new SupervisedProcess(new ProcessSpec
        {
            Name = ProcessSpec.MainName, Command = options.Command, Restart = RestartPolicy.Main, Required = true,
            Ready = options.MainReady, Watchdog = options.MainWatchdog,
        }, isMain: true);
        _sidecars = options.Sidecars.Select(s => new SupervisedProcess(s, isMain: false)).ToList();
    }

    /// <returns>init's exit code.</returns>
    public int Run()
    {
        if (CommandMissing() is { } code)
        {
            return code;
        }
        foreach (var sidecar in _sidecars)
        {
            Start(sidecar);
        }
        _terminalFd = ProcessControl.ControllingTerminalFd();
        StartMainWhenSidecarsReady();
        PublishStatus();

        while (_shutdown?.Finished != true)
        {
            var e = _events.Take(NextWait());
            try
            {
                switch (e)
                {
                    case SignalReceived s: OnSignal(s.Signal); break;
                    case ChildExited c: OnChildExited(c.Pid, c.Status); break;
                    case ChildStopped c: OnChildStopped(c.Pid, c.Signal); break;
                    case NotifyReceived n: OnNotify(n.Pid, n.Message); break;
                    case ReaperFailed f: _log.Error("waitpid failed: {Error}", f.Error); break;
                }
                OnTimers();
                StartMainWhenSidecarsReady();
                _shutdown?.Advance();
                PublishStatus();
            }
            catch (Exception ex)
            {
                // PID 1 must not die with children running: report and keep supervising.
                _log.Error(ex, "error while handling {Event}", e);
            }
        }

        _status.Remove();
        return ExitCode();
    }

    private static long Now => Stopwatch.GetTimestamp();

    private static long After(TimeSpan span) => Now + (long)(span.TotalSeconds * Stopwatch.Frequency);

    private IEnumerable<SupervisedProcess> All => _sidecars.Prepend(_main);

    /// <summary>Rewrites the status file only when something a reader sees has changed.</summary>
    private void PublishStatus()
    {
        var version = All.Sum(p => p.Version);
        if (version == _publishedVersion)
        {
            return;
        }
        _publishedVersion = version;
        _status.Publish(ProcessControl.Pid, All.Select(p => p.Snapshot()).ToList());
    }

    private int _publishedVersion = -1;

    /// <summary>A command that cannot run is reported before anything starts, with the shell's exit code.</summary>
    private int? CommandMissing()
    {
        foreach (var process in All)
        {
            var error = CommandLookup.Check(process.Spec.Command[0], process.Spec.WorkingDirectory);
            if (error != 0)
            {
                return ReportCannotRun(process, new SpawnOutcome(0, error));
            }
        }
        return null;
    }

    private void Start(SupervisedProcess process)
    {
        var outcome = _spawner.Spawn(process.Spec, process.IsMain ? _terminalFd : -1);
        if (!outcome.Started)
        {
            process.State = ProcessState.Running;
            OnEnded(process, ExitStatus.Exited(ReportCannotRun(process, outcome)));
            return;
        }
        process.Pid = outcome.Pid;
        process.StartedAt = Now;
        process.StartedAtWall = DateTimeOffset.UtcNow;
        process.State = ProcessState.Running;
        process.Ready = process.Spec.Ready is Readiness.Started;
        process.StatusText = null;
        process.LastPing = Now;
        _log.Information("started {Process}: {Command}", process, string.Join(' ', process.Spec.Command));
    }

    /// <returns>the shell's exit code for it: 127 not found, 126 cannot execute.</returns>
    private int ReportCannotRun(SupervisedProcess process, SpawnOutcome outcome)
    {
        _log.Error(outcome.ExitCode == 127 ? "{Command}: command not found ({Reason}){Which}" : "{Command}: cannot execute ({Reason}){Which}",
            process.Spec.Command[0], ProcessControl.Describe(outcome.Error), process.IsMain ? "" : $", for sidecar {process.Name}");
        return outcome.ExitCode;
    }

    /// <summary>A stop signal to a whole group, then SIGCONT: a stopped process could not act on it.</summary>
    private void StopGroup(int pgid, int signal)
    {
        ProcessSignals.SendToGroup(pgid, signal);
        ProcessSignals.SendToGroup(pgid, _sigcont);
    }

    private int ExitCode()
    {
        var code = _exitCodeOverride ?? _main.LastExit?.ExitCode ?? 1;
        if (_exitCodeOverride is null && _options.SuccessExitCodes.Contains(code))
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

        if (signal == _sigcont)
        {
            // Resumed after a stop (a shell's fg): the terminal went to init's group; the child needs it back.
            _stoppedForJobControl = false;
            ProcessControl.GiveTerminalTo(_terminalFd, _main.Pid);
        }
        if (ForwardableSignals.IsJobControlStop(signal))
        {
            StopForJobControl(signal);
            return;
        }

        if (!ForwardableSignals.IsShutdownRequest(signal) && !ForwardableSignals.IsShutdownRequest(received))
        {
            ForwardToMain(signal);
            return;
        }

        if (_shutdown is not null)
        {
            // A second SIGTERM during shutdown goes to whatever is being stopped now.
            _shutdown.Forward(signal);
        }
        else if (_drainUntil is not null || _options.ShutdownDelay <= TimeSpan.Zero)
        {
            BeginShutdown($"{SignalNames.Name(received)} received", signal);
        }
        else
        {
            _drainUntil = After(_options.ShutdownDelay);
            _drainSignal = signal;
            _log.Information("{Signal} received: everything keeps running for {Delay} before it is stopped",
                SignalNames.Name(received), Duration.Format(_options.ShutdownDelay));
            if (_options.ForwardDuringDelay)
            {
                _mainSignaledEarly = true;
                SignalMain(signal);
                SignalMain(_sigcont);
            }
        }
    }

    /// <summary>Signals other than the shutdown ones go to the main process (its group by default) and to the
    /// sidecars that asked for them (FORWARD_SIGNALS).</summary>
    private void ForwardToMain(int signal)
    {
        SignalMain(signal);
        foreach (var sidecar in _sidecars.Where(s => s.Spec.ForwardSignals && s.State == ProcessState.Running))
        {
            ProcessSignals.SendToGroup(sidecar.Pid, signal);
        }
    }

    private void SignalMain(int signal)
    {
        var toGroup = _main.State != ProcessState.Running || _options.SignalTarget == SignalTarget.Group;
        var delivered = toGroup ? ProcessSignals.SendToGroup(_main.Pid, signal) : ProcessSignals.Send(_main.Pid, signal);
        _log.Debug("forwarded {Signal} to {Target} {Pid}{Missing}", SignalNames.Name(signal),
            toGroup ? "process group" : "pid", _main.Pid, delivered ? "" : " (already gone)");
        if (toGroup && signal == _sigterm)
        {
            _mainGroupSignaled = true;
        }
    }

    /// <summary>dumb-init's job control: pass the stop on, then stop init too, so a shell's `fg` resumes both.
    /// A whole group gets SIGSTOP: TSTP's default stop is ignored by an orphaned process group.</summary>
    private void StopForJobControl(int signal)
    {
        if (_main.State == ProcessState.Running && _options.SignalTarget == SignalTarget.Child)
        {
            ProcessSignals.Send(_main.Pid, signal);
        }
        else
        {
            ProcessSignals.SendToGroup(_main.Pid, _sigstop);
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
        if (pid != _main.Pid || _main.State != ProcessState.Running || _isPid1 || _stoppedForJobControl ||
            !ForwardableSignals.IsJobControlStop(signal) || !ProcessTable.IsStopped(pid))
        {
            return;
        }
        _log.Debug("main process stopped by {Signal}; stopping init too", SignalNames.Name(signal));
        _stoppedForJobControl = true;
        ProcessControl.StopSelf();
    }

    private void OnChildExited(int pid, ExitStatus status)
    {
        var process = All.FirstOrDefault(p => p.Pid == pid && p.State == ProcessState.Running);
        if (process is null)
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
        OnEnded(process, status);
    }

    private void OnEnded(SupervisedProcess process, ExitStatus status)
    {
        var uptime = Stopwatch.GetElapsedTime(process.StartedAt);
        process.LastExit = status;
        process.State = ProcessState.Down;

        if (process.IsMain)
        {
            _log.Information("main process {Pid} ended: {Status}", process.Pid, status);
            BeginShutdown("main process ended", null);
            return;
        }

        if (_shutdown is not null)
        {
            _log.Information("{Process} ended: {Status}", process, status);
            return;
        }
        if (ProcessSignals.GroupExists(process.Pid))
        {
            // What the sidecar left behind would outlive it, and its restart would start a second copy.
            StopGroup(process.Pid, _sigterm);
        }

        switch (process.Restarts.OnExit(status, uptime, Stopwatch.GetElapsedTime(0)))
        {
            case RestartDecision.Restart r:
                process.State = ProcessState.WaitingToRestart;
                process.RestartAt = After(r.Delay);
                _log.Warning("{Process} ended: {Status}; restart {Count} in {Delay}", process, status,
                    process.Restarts.Restarts, Duration.Format(r.Delay));
                break;
            case RestartDecision.GiveUp g when process.Spec.Restart.OnGiveUp == GiveUpAction.Exit:
                _log.Error("{Process} ended: {Status}; {Count} restarts within {Window}: giving up, stopping everything",
                    process, status, g.RestartsInWindow, Duration.Format(process.Spec.Restart.Window));
                _exitCodeOverride = status.ExitCode != 0 ? status.ExitCode : 1;
                BeginShutdown($"sidecar {process.Name} gave up", null);
                break;
            case RestartDecision.GiveUp g:
                process.State = ProcessState.GaveUp;
                _log.Error("{Process} ended: {Status}; {Count} restarts within {Window}: giving up, leaving it down",
                    process, status, g.RestartsInWindow, Duration.Format(process.Spec.Restart.Window));
                break;
            default:
                _log.Warning("{Process} ended: {Status}; its restart policy ({Policy}) keeps it down", process, status,
                    process.Spec.Restart.Mode);
                break;
        }
    }

    private void OnTimers()
    {
        if (_drainUntil is { } drain && Now >= drain && _shutdown is null)
        {
            BeginShutdown("shutdown delay over", _drainSignal);
        }
        foreach (var process in All.Where(p => p.State == ProcessState.Running))
        {
            if (!process.Ready && process.Spec.Ready.IsPolled && ReadinessProbe.IsReady(process.Spec.Ready))
            {
                MarkReady(process);
            }
            if (process.Spec.Watchdog is { } watchdog && Now >= process.LastPing + Ticks(watchdog) && _shutdown is null)
            {
                _log.Error("{Process} sent no WATCHDOG=1 for {Interval}: killing it", process, Duration.Format(watchdog));
                process.LastPing = Now;
                ProcessSignals.SendToGroup(process.Pid, _sigkill);
            }
        }
        if (_shutdown is not null)
        {
            return;
        }
        foreach (var sidecar in _sidecars)
        {
            if (sidecar.State == ProcessState.WaitingToRestart && Now >= sidecar.RestartAt)
            {
                Start(sidecar);
            }
        }
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private void MarkReady(SupervisedProcess process)
    {
        process.Ready = true;
        _log.Information("{Process} is ready", process);
    }

    /// <summary>The main process starts once every REQUIRED sidecar is ready; one that is not ready within
    /// its READY_TIMEOUT makes init give up.</summary>
    private void StartMainWhenSidecarsReady()
    {
        if (_main.State != ProcessState.NotStarted || _shutdown is not null)
        {
            return;
        }
        var waitingFor = _sidecars.Where(s => s.Spec.Required && !(s.State == ProcessState.Running && s.Ready)).ToList();
        if (waitingFor.Count == 0)
        {
            Start(_main);
            return;
        }
        foreach (var sidecar in waitingFor.Where(s => s.State == ProcessState.Running && Now >= s.StartedAt + Ticks(s.Spec.ReadyTimeout)))
        {
            _log.Error("{Process} is required but not ready after {Timeout}: giving up", sidecar, Duration.Format(sidecar.Spec.ReadyTimeout));
            _exitCodeOverride = 1;
            BeginShutdown($"sidecar {sidecar.Name} not ready", null);
            return;
        }
    }

    /// <summary>sd_notify messages: newline-separated KEY=VALUE. The sender is known by its pid (kernel
    /// credentials), mapped to the process whose group it is in, so a wrapper's child can speak for it.</summary>
    private void OnNotify(int pid, string message)
    {
        var group = ProcessTable.GroupOf(pid);
        var process = All.FirstOrDefault(p => p.State == ProcessState.Running && (p.Pid == pid || p.Pid == group));
        if (process is null)
        {
            _log.Debug("notify message from pid {Pid}, not a process init runs: {Message}", pid, message);
            return;
        }
        foreach (var line in message.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = line.IndexOf('=');
            var (key, value) = eq < 0 ? (line, "") : (line[..eq], line[(eq + 1)..]);
            switch (key)
            {
                case "READY" when value == "1" && !process.Ready:
                    if (process.Spec.Ready is Readiness.Notify)
                    {
                        MarkReady(process);
                    }
                    break;
                case "STATUS":
                    process.StatusText = value;
                    _log.Debug("{Process} status: {Status}", process, value);
                    break;
                case "WATCHDOG" when value == "1":
                    process.LastPing = Now;
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

    private void BeginShutdown(string reason, int? signal)
    {
        if (_shutdown is not null)
        {
            return;
        }
        foreach (var sidecar in _sidecars.Where(s => s.State == ProcessState.WaitingToRestart))
        {
            sidecar.State = ProcessState.Down;
        }
        _log.Information("{Reason}: shutting down; SIGKILL in {Timeout} for anything still running", reason,
            Duration.Format(_options.KillTimeout));
        var order = new List<SupervisedProcess> { _main };
        order.AddRange(Enumerable.Reverse(_sidecars));
        _shutdown = new ShutdownSequence(this, order, signal ?? _sigterm, After(_options.KillTimeout));
        _shutdown.Advance();
    }

    private TimeSpan? NextWait()
    {
        long? due = null;
        void Consider(long at) => due = due is { } d ? Math.Min(d, at) : at;

        if (_drainUntil is { } drain && _shutdown is null)
        {
            Consider(drain);
        }
        if (_shutdown?.Deadline is { } deadline)
        {
            Consider(deadline);
        }
        if (_shutdown?.WaitingForGroup == true)
        {
            Consider(After(GroupPoll));
        }
        foreach (var sidecar in _sidecars.Where(s => s.State == ProcessState.WaitingToRestart))
        {
            Consider(sidecar.RestartAt);
        }
        foreach (var process in All.Where(p => p.State == ProcessState.Running))
        {
            if (!process.Ready && process.Spec.Ready.IsPolled)
            {
                Consider(After(ReadinessPoll));
            }
            if (process.Spec.Watchdog is { } watchdog)
            {
                Consider(process.LastPing + Ticks(watchdog));
            }
            if (_main.State == ProcessState.NotStarted && process.Spec.Required && !process.Ready)
            {
                Consider(process.StartedAt + Ticks(process.Spec.ReadyTimeout));
            }
        }
        return due is { } at ? Stopwatch.GetElapsedTime(Now, at) : null;
    }

    /// <summary>
    /// Stops processes one after another: the main one (and what it left in its group), then the sidecars in
    /// reverse start order, each with its stop signal and stop timeout, all within the overall kill timeout.
    /// </summary>
    private sealed class ShutdownSequence(Supervisor s, List<SupervisedProcess> order, int mainSignal, long overallDeadline)
    {
        private int _index = -1;
        private bool _killed;
        private bool _mainSignalSent = s._mainSignaledEarly;

        public bool Finished { get; private set; }

        public long? Deadline { get; private set; }

        /// <summary>The current process has ended but its group has not.</summary>
        public bool WaitingForGroup => Current is { State: not ProcessState.Running } p && p.Pid != 0 && ProcessSignals.GroupExists(p.Pid);

        private SupervisedProcess? Current => _index >= 0 && _index < order.Count ? order[_index] : null;

        public void Forward(int signal)
        {
            if (Current is { } p)
            {
                if (p.IsMain)
                {
                    s.SignalMain(signal);
                }
                else
                {
                    ProcessSignals.SendToGroup(p.Pid, signal);
                }
            }
        }

        /// <summary>Moves on while the current step is done; starts the next one.</summary>
        public void Advance()
        {
            while (!Finished)
            {
                if (Current is { } current && !StepDone(current))
                {
                    if (current.IsMain)
                    {
                        NudgeMain(current);
                    }
                    if (Deadline is { } d && Now >= d)
                    {
                        OnDeadline(current);
                    }
                    return;
                }
                _index++;
                _killed = false;
                if (Current is not { } next)
                {
                    Finished = true;
                    return;
                }
                StartStep(next);
            }
        }

        private bool StepDone(SupervisedProcess p) =>
            _killed && Deadline is { } d && Now >= d // gave SIGKILL and its grace: move on regardless
            || p.State != ProcessState.Running && (p.Pid == 0 || !ProcessSignals.GroupExists(p.Pid));

        private void StartStep(SupervisedProcess p)
        {
            var timeout = p.Spec.StopTimeout ?? s._options.KillTimeout;
            Deadline = Math.Min(After(timeout), overallDeadline);
            if (p.IsMain)
            {
                NudgeMain(p);
                return;
            }
            if (p.State == ProcessState.Running || (p.Pid != 0 && ProcessSignals.GroupExists(p.Pid)))
            {
                var signal = p.Spec.StopSignal ?? s._sigterm;
                s._log.Information("stopping {Process} with {Signal}", p, SignalNames.Name(signal));
                s.StopGroup(p.Pid, signal);
            }
        }

        /// <summary>The main process gets the shutdown signal once; once it has ended, what it left in its group
        /// gets SIGTERM once (unless the group already had it). A stopped process could not act: SIGCONT follows.</summary>
        private void NudgeMain(SupervisedProcess p)
        {
            if (p.State == ProcessState.Running && !_mainSignalSent)
            {
                _mainSignalSent = true;
                s.SignalMain(mainSignal);
                s.SignalMain(s._sigcont);
            }
            else if (p.State != ProcessState.Running && p.Pid != 0 && !s._mainGroupSignaled && ProcessSignals.GroupExists(p.Pid))
            {
                s._mainGroupSignaled = true;
                s._log.Information("stopping what the main process left in its group {Pgid}", p.Pid);
                s.StopGroup(p.Pid, s._sigterm);
            }
        }

        private void OnDeadline(SupervisedProcess p)
        {
            if (_killed)
            {
                return;
            }
            _killed = true;
            Deadline = After(AfterKillGrace);
            var left = s.NameGroupMembers(p.Pid);
            ProcessSignals.SendToGroup(p.Pid, s._sigkill);
            var everything = s._isPid1 && Now >= overallDeadline;
            if (everything)
            {
                ProcessSignals.SendToAll(s._sigkill);
            }
            s._log.Warning("{What} passed; sent SIGKILL to {Processes}{Rest}",
                Now >= overallDeadline ? $"kill timeout {Duration.Format(s._options.KillTimeout)}" : $"stop timeout of {p}",
                left, everything ? " and every process left" : "");
        }
    }

    private string NameGroupMembers(int pgid)
    {
        try
        {
            var members = ProcessTable.InGroup(pgid);
            if (members.Count > 0)
            {
                return string.Join(", ", members);
            }
        }
        catch (Exception e)
        {
            _log.Debug("cannot list group {Pgid}: {Error}", pgid, e.Message);
        }
        return $"process group {pgid}";
    }
}
