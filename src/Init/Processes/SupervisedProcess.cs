using Init.Logging;
using Init.Options;

namespace Init.Processes;

/// <summary>Where one process is in its life.</summary>
internal enum ProcessState
{
    NotStarted,
    Running,
    WaitingToRestart,

    /// <summary>Ended and not to be restarted (its policy, or init is stopping).</summary>
    Down,

    /// <summary>Restarted too often; left down (ON_GIVE_UP=ignore).</summary>
    GaveUp,
}

/// <summary>The run-time state of one process init runs: the main one or a sidecar. Times are monotonic
/// (since init started), as the clock gives them.</summary>
internal sealed class SupervisedProcess(ProcessSpec spec, bool isMain)
{
    public ProcessSpec Spec { get; } = spec;

    public bool IsMain { get; } = isMain;

    public string Name => Spec.Name;

    public RestartTracker Restarts { get; } = new(spec.Restart);

    /// <summary>Bumped by every change `init status` can show, so the status file is rewritten only then (and
    /// a forwarded signal costs no snapshot).</summary>
    public int Version { get; private set; }

    public ProcessState State { get => _state; set => Change(ref _state, value); }

    public bool IsRunning => _state == ProcessState.Running;

    /// <summary>The pid of the current (or last) run; it also names the run's process group.</summary>
    public int Pid { get => _pid; set => Change(ref _pid, value); }

    public TimeSpan StartedAt { get; set; }

    public DateTimeOffset StartedAtWall { get; set; }

    public ExitStatus? LastExit { get => _lastExit; set => Change(ref _lastExit, value); }

    /// <summary>Ready per its <see cref="ProcessSpec.Ready"/> (set anew at every start).</summary>
    public bool Ready { get => _ready; set => Change(ref _ready, value); }

    /// <summary>The last STATUS= it sent.</summary>
    public string? StatusText { get => _statusText; set => Change(ref _statusText, value); }

    /// <summary>When it last sent WATCHDOG=1 (or started, or was killed by the watchdog).</summary>
    public TimeSpan LastPing { get; set; }

    /// <summary>When its polled readiness check (TCP, file) last ran.</summary>
    public TimeSpan LastReadinessCheck { get; set; }

    /// <summary>Since when its TCP readiness connect has been in flight (unanswered); null when none is.</summary>
    public TimeSpan? ReadinessInFlightSince { get; set; }

    /// <summary>When a restart is due, while <see cref="State"/> is WaitingToRestart.</summary>
    public TimeSpan RestartAt { get; set; }

    private ProcessState _state = ProcessState.NotStarted;
    private int _pid;
    private ExitStatus? _lastExit;
    private bool _ready;
    private string? _statusText;

    private void Change<T>(ref T field, T value)
    {
        if (!EqualityComparer<T>.Default.Equals(field, value))
        {
            field = value;
            Version++;
        }
    }

    public override string ToString() => IsMain ? $"main process {Pid}" : $"sidecar {Name} ({Pid})";

    /// <summary>For a {process} hole: the name and pid as separate fields in JSON, as <see cref="ToString"/> in text.</summary>
    public static implicit operator LogValue(SupervisedProcess process) =>
        LogValue.Process(process.Name, process.Pid, process.IsMain);
}
