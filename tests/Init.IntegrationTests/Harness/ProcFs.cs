using System.Globalization;

namespace Init.IntegrationTests.Harness;

/// <summary>Host-side views of /proc: who is whose child, process state, signal masks.</summary>
public static class ProcFs
{
    public readonly record struct Stat(int Pid, string Comm, char State, int PPid, int PGrp, int TpGid);

    public static Stat? ReadStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(');
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            return new Stat(pid, text[(open + 1)..close], fields[0][0],
                int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture),
                int.Parse(fields[5], CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static IEnumerable<Stat> All()
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) &&
                ReadStat(pid) is { } stat)
            {
                yield return stat;
            }
        }
    }

    public static IReadOnlyList<Stat> Descendants(int root)
    {
        var all = All().ToList();
        var found = new List<Stat>();
        var frontier = new Queue<int>([root]);
        while (frontier.Count > 0)
        {
            var parent = frontier.Dequeue();
            foreach (var stat in all.Where(s => s.PPid == parent))
            {
                found.Add(stat);
                frontier.Enqueue(stat.Pid);
            }
        }
        return found;
    }

    /// <summary>Polls a condition on /proc (process state changes have no event to wait on).</summary>
    public static void WaitUntil(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? InitProcess.DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out waiting until {what}");
            }
            Thread.Sleep(5);
        }
    }

    /// <summary>User plus system CPU time of a process (ticks of 10 ms); null once it is gone.</summary>
    public static TimeSpan? CpuTime(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // After the name: state is field 3, utime 14 and stime 15 (1-based), so 11 and 12 here.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The CPU time of a process as last seen before it ended, sampled until <paramref name="ended"/>.</summary>
    public static TimeSpan CpuTimeUntil(int pid, Func<bool> ended)
    {
        var last = TimeSpan.Zero;
        while (!ended())
        {
            last = CpuTime(pid) ?? last;
            Thread.Sleep(50);
        }
        return last;
    }

    /// <summary>A line of /proc/PID/status such as SigCgt, as a 64-bit mask.</summary>
    public static ulong StatusMask(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return ulong.Parse(line.AsSpan(field.Length + 1).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException($"{field} not in /proc/{pid}/status");
    }

    /// <summary>A number of /proc/PID/status such as Threads or VmRSS (in kB), the unit dropped.</summary>
    public static long StatusNumber(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The pid a process has in its own (innermost) PID namespace: the last NSpid entry.</summary>
    public static int InnermostPid(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("NSpid:", StringComparison.Ordinal));
        return int.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[^1], CultureInfo.InvariantCulture);
    }

    public static bool Has(ulong mask, int signal) => (mask & (1UL << (signal - 1))) != 0;
}
