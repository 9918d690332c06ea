using System.Globalization;

namespace Init.Status;

/// <summary>
/// Which running init `init status` reads when not given --dir. INIT_RUNTIME_DIR, when set, is the answer.
/// Else the candidates are /run/init (init as PID 1) and every /run/init.PID (init not PID 1), each counted
/// only while the init that wrote its status runs (pid and start time). Of those: the nearest init above the
/// caller (`init status` run by a process init runs); else /run/init; else the only one. Several and none of
/// these rules settling it: say so and list them. `kubectl exec` and `docker exec` processes descend from no
/// init, hence the rules after the first.
/// </summary>
internal static class StatusDiscovery
{
    public const string Pid1Directory = "/run/init";
    private const string Parent = "/run";
    private const string PerPidPrefix = "init.";

    /// <summary>A status directory whose init runs.</summary>
    internal readonly record struct Candidate(string Directory, int InitPid);

    /// <returns>the directory to read, or an error line when several inits run here and none is the one.</returns>
    public static (string? Directory, string? Error) Find(string? configured)
    {
        if (configured is { Length: > 0 })
        {
            return (configured, null);
        }
        return Choose(LiveCandidates(), Ancestors(Environment.ProcessId));
    }

    /// <param name="ancestors">the caller's parent, its parent, and so on.</param>
    public static (string? Directory, string? Error) Choose(IReadOnlyList<Candidate> live, IReadOnlyList<int> ancestors)
    {
        foreach (var pid in ancestors)
        {
            if (First(live, pid) is { Directory: not null } above)
            {
                return (above.Directory, null);
            }
        }
        var named = new List<string>();
        var pid1 = false;
        foreach (var c in live)
        {
            pid1 |= c.Directory == Pid1Directory;
            named.Add($"{c.Directory} (init {c.InitPid})");
        }
        if (pid1 || live.Count == 0)
        {
            // None: /run/init is where the "no status" message points.
            return (Pid1Directory, null);
        }
        if (live.Count == 1)
        {
            return (live[0].Directory, null);
        }
        return (null, $"{live.Count} inits are running here: " +
            string.Join(", ", named) + "; choose one with --dir");
    }

    private static Candidate? First(IReadOnlyList<Candidate> live, int initPid)
    {
        foreach (var c in live)
        {
            if (c.InitPid == initPid)
            {
                return c;
            }
        }
        return null;
    }

    /// <summary>"init.PID". The pattern "init.*" also matches "init" itself (a pattern's ".*" may match nothing).</summary>
    internal static bool IsPerPidName(string name) =>
        name.Length > PerPidPrefix.Length && name.StartsWith(PerPidPrefix, StringComparison.Ordinal) &&
        int.TryParse(name.AsSpan(PerPidPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static List<Candidate> LiveCandidates()
    {
        var directories = new List<string> { Pid1Directory };
        try
        {
            var perPid = new List<string>();
            foreach (var d in Directory.EnumerateDirectories(Parent, PerPidPrefix + "*"))
            {
                if (IsPerPidName(Path.GetFileName(d)))
                {
                    perPid.Add(d);
                }
            }
            perPid.Sort(StringComparer.Ordinal);
            directories.AddRange(perPid);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // No /run: only the PID 1 location is left to name.
        }
        var live = new List<Candidate>();
        foreach (var directory in directories)
        {
            if (WriterOf(directory) is { } writer && StatusFreshness.WhyInitStale(writer, Processes.ProcessTable.StartTicks) is null)
            {
                live.Add(new Candidate(directory, writer.Pid));
            }
        }
        return live;
    }

    private static StatusWriter? WriterOf(string directory)
    {
        try
        {
            StatusFile.Deserialize(File.ReadAllBytes(Path.Combine(directory, RuntimeDirectory.StatusFileName)), out var writer);
            return writer;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static List<int> Ancestors(int pid)
    {
        var ancestors = new List<int>();
        while (ancestors.Count < 4096 && Processes.ProcessTable.ParentOf(pid) is var parent and > 0)
        {
            ancestors.Add(parent);
            pid = parent;
        }
        return ancestors;
    }
}
