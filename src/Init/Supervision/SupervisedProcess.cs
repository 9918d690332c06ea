using Init.Options;
using Init.Processes;

namespace Init.Supervision;

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

/// <summary>The run-time state of one process the supervisor keeps: the main one or a sidecar.</summary>
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

    /// <summary>The pid of the current (or last) run; it also names the run's process group.</summary>
    public int Pid { get => _pid; set => Change(ref _pid, value); }

    public long StartedAt { get; set; }

    public DateTimeOffset StartedAtWall { get; set; }

    public ExitStatus? LastExit { get => _lastExit; set => Change(ref _lastExit, value); }

    /// <summary>Ready per its <see cref="ProcessSpec.Ready"/> (set anew at every start).</summary>
    public bool Ready { get => _ready; set => Change(ref _ready, value); }

    /// <summary>The last STATUS= it sent.</summary>
    public string? StatusText { get => _statusText; set => Change(ref _statusText, value); }

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

    /// <summary>When it last sent WATCHDOG=1 (or started).</summary>
    public long LastPing { get; set; }

    /// <summary>When a restart is due (Stopwatch timestamp), while <see cref="State"/> is WaitingToRestart.</summary>
    public long RestartAt { get; set; }

    public Status.ProcessSnapshot Snapshot() => new(
        Name, Pid,
        State switch
        {
            ProcessState.NotStarted => "not started",
            ProcessState.Running => "running",
            ProcessState.WaitingToRestart => "restarting",
            ProcessState.GaveUp => "gave up",
            _ => "down",
        },
        Ready: State == ProcessState.Running && Ready,
        Required: IsMain || Spec.Required,
        Restarts.Restarts,
        State == ProcessState.Running ? StartedAtWall : null,
        LastExit?.ToString(),
        StatusText);

    public override string ToString() => IsMain ? $"main process {Pid}" : $"sidecar {Name} ({Pid})";
}
