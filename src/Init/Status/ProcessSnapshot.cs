namespace Init.Status;

/// <summary>One row of `init status`, as the running init publishes it.</summary>
internal sealed record ProcessSnapshot(
    string Name,
    int Pid,
    string State,
    bool Ready,
    bool Required,
    int Restarts,
    DateTimeOffset? StartedAt,
    string? LastExit,
    string? StatusText);
