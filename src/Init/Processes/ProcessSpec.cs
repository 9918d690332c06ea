using System.Collections.Immutable;

namespace Init.Processes;

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

    /// <summary>Must be running (and ready) for `init status --check` to pass. The main process always is.</summary>
    public bool Required { get; init; }

    /// <summary>Variables added to (or replacing in) the environment init passes on.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;
}
