using Init.Options;
using Init.Posix;
using Init.Processes;
using Init.Shutdown;
using Init.Signals;
using Init.Logging;

namespace Init.Supervision;

/// <summary>
/// Decides what each event means: a signal, a child that ended or stopped, a notify message, a due deadline.
/// It holds init's phase and every process's state, and acts through <see cref="IProcesses"/> only; the
/// waiting is <see cref="EventLoop"/>'s, so every decision here can be driven by a test.
/// </summary>
internal sealed partial class Supervisor
{
    private readonly InitOptions _options;
    private readonly IProcesses _processes;
    private readonly IClock _clock;
    private readonly Log _log;
    private readonly bool _isPid1;
    private readonly Signaler _signaler;
    private readonly JobControl _jobControl;
    private int _delaySignal;
    private bool _mainSignaledEarly;
    private int? _exitCodeOverride;
    private int? _stopSignal;

    public Supervisor(InitOptions options, IProcesses processes, IClock clock, Log log, bool isPid1)
    {
        _options = options;
        _processes = processes;
        _clock = clock;
        _log = log;
        _isPid1 = isPid1;
        _signaler = new Signaler(processes, options.SignalTarget, log);
        _jobControl = new JobControl(processes, options.SignalTarget, isPid1, log);
        Main = new SupervisedProcess(new ProcessSpec
        {
            Name = ProcessSpec.MainName, Command = options.Command, Restart = RestartPolicy.Main, Required = true,
            Ready = options.MainReady, Watchdog = options.MainWatchdog,
        }, isMain: true);
        var sidecars = new List<SupervisedProcess>(options.Sidecars.Count);
        foreach (var spec in options.Sidecars)
        {
            sidecars.Add(new SupervisedProcess(spec, isMain: false));
        }
        Sidecars = sidecars;
        All = [Main, .. sidecars];
    }

    public InitPhase Phase { get; private set; } = InitPhase.Starting;

    public SupervisedProcess Main { get; }

    public IReadOnlyList<SupervisedProcess> Sidecars { get; }

    /// <summary>Main first, then the sidecars in start order.</summary>
    public IReadOnlyList<SupervisedProcess> All { get; }

    public ShutdownSequence? Shutdown { get; private set; }

    /// <summary>When the shutdown delay is over (while <see cref="Phase"/> is Delaying).</summary>
    public TimeSpan DelayEndsAt { get; private set; }

    /// <summary>Changes with anything `init status` shows.</summary>
    public int Version
    {
        get
        {
            var version = 0;
            for (var i = 0; i < All.Count; i++)
            {
                version += All[i].Version;
            }
            return version;
        }
    }

    /// <summary>Starts the sidecars, then the main process once the REQUIRED ones are ready.</summary>
    /// <returns>the shell's exit code (127, 126) when a command cannot run, before anything started; else null.</returns>
    public int? Start()
    {
        foreach (var process in All)
        {
            if (_processes.MissingDirectory(process.Spec) is { } directory)
            {
                // Else every restart would fail, reported as a command not found: the wrong cause.
                _log.Write(LogEvents.WorkingDirectoryMissing, directory, process);
                Phase = InitPhase.Done;
                return SpawnOutcome.Failed(FileChecks.Enoent).ExitCode;
            }
            var error = _processes.CheckCommand(process.Spec);
            if (error != 0)
            {
                Phase = InitPhase.Done;
                return ReportCannotRun(process, SpawnOutcome.Failed(error));
            }
        }
        foreach (var sidecar in Sidecars)
        {
            Spawn(sidecar);
        }
        Settle();
        return null;
    }

    private bool RequiredSidecarsReady()
    {
        foreach (var s in Sidecars)
        {
            if (s.Spec.Required && !(s.IsRunning && s.Ready))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>After every batch of events: the main process may start now, the shutdown may move on.</summary>
    public void Settle()
    {
        if (Phase == InitPhase.Starting && RequiredSidecarsReady())
        {
            Phase = InitPhase.Running;
            Spawn(Main);
        }
        if (Phase == InitPhase.Stopping && Shutdown is { } shutdown)
        {
            shutdown.Advance(_clock.Now);
            if (shutdown.Finished)
            {
                Phase = InitPhase.Done;
            }
        }
    }

    public void OnSignal(int received)
    {
        var routed = SignalRouting.Route(received, _options.Rewrites);
        // Per signal: the names are looked up only when the line is written.
        if (routed.Route == SignalRoute.Drop)
        {
            if (_log.IsEnabled(LogEvents.SignalDropped.Level))
            {
                _log.Write(LogEvents.SignalDropped, SignalNames.Name(received));
            }
            return;
        }
        if (routed.Signal != received && _log.IsEnabled(LogEvents.SignalRewritten.Level))
        {
            _log.Write(LogEvents.SignalRewritten, SignalNames.Name(received), SignalNames.Name(routed.Signal));
        }
        switch (routed.Route)
        {
            case SignalRoute.Continue:
                _jobControl.OnContinue(Main);
                Forward(routed.Signal);
                break;
            case SignalRoute.JobControlStop:
                _jobControl.PassOnStop(Main, routed.Signal);
                break;
            case SignalRoute.Shutdown:
                OnShutdownSignal(routed);
                break;
            default:
                Forward(routed.Signal);
                break;
        }
    }

    /// <summary>Acts on a rule of <see cref="Deadlines"/> that is due; each action moves that rule's deadline on.</summary>
    public void OnDue(Due due)
    {
        var now = _clock.Now;
        var p = due.Process;
        switch (due.Rule)
        {
            case Rule.ShutdownDelayOver:
                BeginShutdown("shutdown delay over", _delaySignal);
                break;
            case Rule.StopTimeout:
                Shutdown?.Kill(now);
                break;
            case Rule.KillGraceOver:
                Shutdown?.GiveUpOnStep(now);
                break;
            case Rule.GroupPoll:
                Shutdown?.Advance(now);
                break;
            case Rule.Restart when p is not null:
                Spawn(p);
                break;
            case Rule.ReadinessPoll when p is not null:
                p.LastReadinessCheck = now;
                CheckReadiness(p, now);
                break;
            case Rule.Watchdog when p is not null:
                _log.Write(LogEvents.WatchdogExpired, p, p.Spec.Watchdog ?? TimeSpan.Zero);
                p.LastPing = now;
                _signaler.ToGroup(p, SignalNumbers.Kill);
                break;
            case Rule.ReadyTimeout when p is not null:
                _log.Write(LogEvents.NotReadyInTime, p, p.Spec.ReadyTimeout);
                _exitCodeOverride = 1;
                BeginShutdown($"sidecar {p.Name} not ready", null);
                break;
        }
        Settle();
    }

    /// <summary>The main process's code (128+N for signal N), a giving-up sidecar's, or 0 for a listed success code.
    /// Stopped by SIGTERM/SIGINT before the main process ever ran (a REQUIRED sidecar not ready yet), init exits
    /// as the main process would have, killed by the signal it was to be sent: 128+N, 143 for SIGTERM.</summary>
    public int ExitCode()
    {
        var code = _exitCodeOverride ?? Main.LastExit?.ExitCode ?? (_stopSignal is { } stop ? ExitStatus.KilledBy(stop).ExitCode : 1);
        if (_exitCodeOverride is null && _options.SuccessExitCodes.Contains(code))
        {
            _log.Write(LogEvents.ExitCodeExpected, code);
            return 0;
        }
        _log.Write(LogEvents.Exiting, code);
        return code;
    }

    private void OnShutdownSignal(RoutedSignal routed)
    {
        _stopSignal ??= routed.Signal;
        if (Phase == InitPhase.Stopping)
        {
            Shutdown?.Forward(routed.Signal);
        }
        else if (Phase == InitPhase.Delaying || _options.ShutdownDelay <= TimeSpan.Zero)
        {
            BeginShutdown($"{SignalNames.Name(routed.Received)} received", routed.Signal);
        }
        else
        {
            Phase = InitPhase.Delaying;
            DropReadinessChecks();
            DelayEndsAt = _clock.Now + _options.ShutdownDelay;
            _delaySignal = routed.Signal;
            _log.Write(LogEvents.ShutdownDelayed, SignalNames.Name(routed.Received), _options.ShutdownDelay);
            if (_options.ForwardDuringDelay && Main.IsRunning)
            {
                _mainSignaledEarly = true;
                _signaler.StopMain(Main, routed.Signal);
            }
        }
    }

    /// <summary>Signals other than the shutdown ones go to the main process (its group by default) and to the
    /// sidecars that asked for them (FORWARD_SIGNALS).</summary>
    private void Forward(int signal)
    {
        _signaler.ToMain(Main, signal);
        // A loop, not a query: this runs for every signal, and must not allocate.
        for (var i = 0; i < Sidecars.Count; i++)
        {
            if (Sidecars[i] is { Spec.ForwardSignals: true, IsRunning: true } sidecar)
            {
                _signaler.ToGroup(sidecar, signal);
            }
        }
    }

    private void BeginShutdown(string reason, int? signal)
    {
        if (Phase is InitPhase.Stopping or InitPhase.Done)
        {
            return;
        }
        foreach (var sidecar in Sidecars)
        {
            if (sidecar.State == ProcessState.WaitingToRestart)
            {
                sidecar.State = ProcessState.Down;
            }
        }
        _log.Write(LogEvents.ShutdownStarted, reason, _options.KillTimeout);
        Phase = InitPhase.Stopping;
        DropReadinessChecks();
        var stopOrder = new List<SupervisedProcess>(All.Count) { Main };
        for (var i = Sidecars.Count - 1; i >= 0; i--)
        {
            stopOrder.Add(Sidecars[i]);
        }
        Shutdown = new ShutdownSequence(stopOrder, signal ?? SignalNumbers.Term, _clock.Now,
            _options.KillTimeout, _mainSignaledEarly, _signaler, _processes, _log, _isPid1, _options.SignalTarget);
        Shutdown.Advance(_clock.Now);
    }
}
