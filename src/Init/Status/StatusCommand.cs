using System.Globalization;
using System.Text;
using Init.Options;

namespace Init.Status;

/// <summary>
/// `init status [--json] [--check] [--dir DIR]`: what the running init published, with each process's RSS
/// and CPU time read from /proc now. Meant for `kubectl exec pod -- /init status` and exec probes.
/// </summary>
internal static class StatusCommand
{
    public const string Name = "status";
    private const int NotOk = 1;

    /// <summary>An exec probe must get an answer, never a stack trace: anything unforeseen is one line and 1.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        try
        {
            return Answer(args, output, error);
        }
        catch (Exception e)
        {
            error.WriteLine($"init status: internal error ({Posix.ErrorText.Of(e)}); please report this");
            return NotOk;
        }
    }

    private static int Answer(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        bool json = false, check = false;
        string? dir = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--check": check = true; break;
                case "--dir" when i + 1 < args.Count: dir = args[++i]; break;
                case var a when a.StartsWith("--dir=", StringComparison.Ordinal): dir = a[6..]; break;
                default:
                    error.WriteLine($"init status: unknown option '{args[i]}' (usage: init status [--json] [--check] [--dir DIR])");
                    return UsageException.ExitCode;
            }
        }

        if (string.IsNullOrEmpty(dir))
        {
            var (found, ambiguous) = StatusDiscovery.Find(Environment.GetEnvironmentVariable(RuntimeDirectory.EnvKey));
            if (found is null)
            {
                error.WriteLine($"init status: {ambiguous}");
                return NotOk;
            }
            dir = found;
        }
        var path = Path.Combine(dir, RuntimeDirectory.StatusFileName);
        IReadOnlyList<ProcessSnapshot> processes;
        StatusWriter writer;
        try
        {
            processes = StatusFile.Deserialize(File.ReadAllBytes(path), out writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            error.WriteLine($"init status: no status at {path} ({(e is FormatException or OverflowException ? "not a status file init wrote" : Posix.ErrorText.Of(e))}); is init running here, with a sidecar, --ready or --watchdog (without them it publishes none)? (--dir or {RuntimeDirectory.EnvKey})");
            return NotOk;
        }
        if (StatusFreshness.WhyStale(writer, processes, Processes.ProcessTable.StartTicks) is { } stale)
        {
            // Not even the table: what it would show cannot be trusted, and a probe must not pass on it.
            error.WriteLine($"init status: {path} is stale: {stale}");
            return NotOk;
        }

        if (check)
        {
            var failing = new List<string>();
            foreach (var p in processes)
            {
                if (p.Required && (p.State != "running" || !p.Ready))
                {
                    failing.Add($"{p.Name} is {(p.State == "running" ? "not ready" : p.State)}");
                }
            }
            if (failing.Count == 0)
            {
                output.WriteLine("ok");
                return 0;
            }
            output.WriteLine("not ok: " + string.Join(", ", failing));
            return NotOk;
        }

        var now = DateTimeOffset.UtcNow;
        if (json)
        {
            output.Write(Json(processes, writer, now));
        }
        else
        {
            output.Write(Table(processes, now));
        }
        return 0;
    }

    internal static string Table(IReadOnlyList<ProcessSnapshot> processes, DateTimeOffset now)
    {
        string[] header = ["NAME", "PID", "STATE", "READY", "RESTARTS", "UPTIME", "LAST EXIT", "RSS", "CPU"];
        var rows = new List<string[]> { header };
        foreach (var p in processes)
        {
            var running = p.State == "running";
            var usage = running ? ProcUsage.Read(p.Pid) : null;
            rows.Add(
            [
                p.Name, p.Pid == 0 ? "-" : p.Pid.ToString(CultureInfo.InvariantCulture), p.State, p.Ready ? "yes" : "no",
                p.Restarts.ToString(CultureInfo.InvariantCulture),
                running && p.StartedAt is { } started ? FormatSpan(now - started) : "-",
                p.LastExit ?? "-",
                usage is { } u ? FormatBytes(u.RssBytes) : "-",
                usage is { } c ? $"{c.CpuSeconds.ToString("0.00", CultureInfo.InvariantCulture)}s" : "-",
            ]);
        }
        var widths = new int[header.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = new string[row.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].PadRight(widths[i]);
            }
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<ProcessSnapshot> processes, StatusWriter writer, DateTimeOffset now)
    {
        var json = new JsonText().BeginObject().Field("initPid", writer.Pid).Field("sequence", writer.Sequence).BeginArray("processes");
        foreach (var p in processes)
        {
            var running = p.State == "running";
            var usage = running ? ProcUsage.Read(p.Pid) : null;
            json.BeginObject()
                .Field("name", p.Name).Field("pid", p.Pid).Field("state", p.State).Field("ready", p.Ready)
                .Field("required", p.Required).Field("restarts", p.Restarts)
                .Field("uptimeSeconds", running && p.StartedAt is { } started ? Math.Round((now - started).TotalSeconds, 1) : null)
                .Field("lastExit", p.LastExit).Field("status", p.StatusText)
                .Field("rssBytes", usage is { } u ? u.RssBytes : null)
                .Field("cpuSeconds", usage is { } c ? Math.Round(c.CpuSeconds, 2) : null)
                .EndObject();
        }
        return json.EndArray().EndObject().ToString();
    }

    private static string FormatSpan(TimeSpan span) => span.TotalSeconds switch
    {
        < 60 => $"{(int)span.TotalSeconds}s",
        < 3600 => $"{(int)span.TotalMinutes}m{span.Seconds}s",
        < 86400 => $"{(int)span.TotalHours}h{span.Minutes}m",
        _ => $"{(int)span.TotalDays}d{span.Hours}h",
    };

    private static string FormatBytes(long bytes) => bytes switch
    {
        < 1 << 20 => $"{bytes / 1024}K",
        < 1 << 30 => $"{(bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)}M",
        _ => $"{(bytes / 1073741824.0).ToString("0.0", CultureInfo.InvariantCulture)}G",
    };
}

/// <summary>A process's resident memory and CPU time from /proc, right now.</summary>
internal readonly record struct ProcUsage(long RssBytes, double CpuSeconds)
{
    /// <summary>The kernel's USER_HZ, 100 on every Linux ABI .NET runs on.</summary>
    private const double ClockTicks = 100;

    public static ProcUsage? Read(int pid)
    {
        if (Processes.ProcessTable.ReadStat(pid) is not { Fields.Length: > 21 } stat ||
            !long.TryParse(stat.Fields[11], CultureInfo.InvariantCulture, out var utime) ||
            !long.TryParse(stat.Fields[12], CultureInfo.InvariantCulture, out var stime) ||
            !long.TryParse(stat.Fields[21], CultureInfo.InvariantCulture, out var rssPages))
        {
            return null;
        }
        return new ProcUsage(rssPages * Environment.SystemPageSize, (utime + stime) / ClockTicks);
    }
}
