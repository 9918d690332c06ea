namespace Init.Status;

/// <summary>
/// Whether a status file still says what is: init publishes only when something changes and never wakes up
/// to refresh it (docs/design.md, "The loop"), so a publish that failed (a full or read-only runtime
/// directory) leaves an old file behind. Each row that says "running" names its process by pid and kernel
/// start time; a running process can only stop being so by ending, so if init and every process the file
/// says runs are still the very same processes, the file is as true as when it was written.
/// </summary>
internal static class StatusFreshness
{
    /// <param name="startTicksOf">the kernel's start time of a live pid (/proc/PID/stat field 22); null when it is gone.</param>
    /// <returns>null when the file can be trusted, else why not.</returns>
    public static string? WhyStale(StatusWriter writer, IReadOnlyList<ProcessSnapshot> processes, Func<int, long?> startTicksOf)
    {
        if (WhyInitStale(writer, startTicksOf) is { } initStale)
        {
            return initStale;
        }
        foreach (var p in processes)
        {
            if (p.State == "running" && p.StartTicks is null || startTicksOf(p.Pid) != p.StartTicks)
            {
                return $"{p.Name} ({p.Pid}) is no longer running and init could not publish since (its log says why)";
            }
        }
        return null;
    }

    /// <returns>null when the init that wrote the file still runs, else why not.</returns>
    public static string? WhyInitStale(StatusWriter writer, Func<int, long?> startTicksOf) =>
        startTicksOf(writer.Pid) switch
        {
            null => $"init {writer.Pid} is not running",
            var now when now != writer.StartTicks => $"init {writer.Pid} is not the init that wrote it",
            _ => null,
        };
}
