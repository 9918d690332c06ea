namespace Init.Options;

/// <summary>One process init runs: the main one or a sidecar. Immutable; the supervisor keeps the run-time state.</summary>
internal sealed record ProcessSpec
{
    public const string MainName = "main";

    public required string Name { get; init; }

    public required IReadOnlyList<string> Command { get; init; }

    public RestartPolicy Restart { get; init; } = RestartPolicy.Sidecar;

    /// <summary>Sent to the process group to stop it (SIGQUIT for nginx, say); null means SIGTERM.</summary>
    public int? StopSignal { get; init; }

    /// <summary>How long a stop may take before SIGKILL; null means init's kill timeout.</summary>
    public TimeSpan? StopTimeout { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>Must be running (and ready) for `init status --check` to pass, and ready before the main
    /// process starts. The main process is always required.</summary>
    public bool Required { get; init; }

    public Readiness Ready { get; init; } = Readiness.OnStart;

    /// <summary>Also gets the signals init forwards to the main process (not the shutdown ones, which follow
    /// the stop order).</summary>
    public bool ForwardSignals { get; init; }

    /// <summary>A required sidecar not ready this long after it started keeps the main process from starting:
    /// init gives up and exits.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>With a value, the process must send WATCHDOG=1 at least this often (it gets WATCHDOG_USEC), or it
    /// is killed and its restart policy applies.</summary>
    public TimeSpan? Watchdog { get; init; }

    /// <summary>Variables added to (or replacing in) the environment init passes on.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = ReadOnlyCopies.NoVariables;
}
