namespace Init.Status;

/// <summary>One row of `init status`, as the running init publishes it. <paramref name="StartTicks"/> is the
/// kernel's start time of <paramref name="Pid"/> while it runs (see <see cref="StatusFreshness"/>).</summary>
internal sealed record ProcessSnapshot(
    string Name,
    int Pid,
    string State,
    bool Ready,
    bool Required,
    int Restarts,
    DateTimeOffset? StartedAt,
    string? LastExit,
    string? StatusText,
    long? StartTicks = null);
