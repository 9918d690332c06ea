namespace Init.Options;

internal enum RestartMode
{
    Never,
    OnFailure,
    Always,
}

/// <summary>What to do when a process has restarted too often within the window.</summary>
internal enum GiveUpAction
{
    /// <summary>Stop everything and exit non-zero, so the orchestrator restarts the container.</summary>
    Exit,

    /// <summary>Leave the process down, report it, keep the rest running.</summary>
    Ignore,
}

/// <summary>
/// When and how fast a process is restarted. The delay starts at <see cref="InitialDelay"/> and grows by
/// <see cref="Factor"/> after each run shorter than <see cref="MinUptime"/>, up to <see cref="MaxDelay"/>; a run of
/// at least MinUptime resets it. More than <see cref="MaxRestarts"/> restarts within <see cref="Window"/> gives up.
/// </summary>
internal sealed record RestartPolicy
{
    public static readonly RestartPolicy Sidecar = new();

    public static readonly RestartPolicy Main = new() { Mode = RestartMode.Never };

    public RestartMode Mode { get; init; } = RestartMode.Always;

    /// <summary>The mode as RESTART spells it (what the log's `policy` field shows).</summary>
    public string ModeName => Mode switch { RestartMode.Never => "never", RestartMode.OnFailure => "on-failure", _ => "always" };

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);
    public double Factor { get; init; } = 2;
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan MinUptime { get; init; } = TimeSpan.FromSeconds(10);
    public int MaxRestarts { get; init; } = 5;
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(60);
    public GiveUpAction OnGiveUp { get; init; } = GiveUpAction.Exit;
}
