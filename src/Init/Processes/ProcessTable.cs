using System.Globalization;

namespace Init.Processes;

/// <summary>Reads /proc: who is in a process group (so init's log says who it killed), and a process's state.</summary>
internal static class ProcessTable
{
    public readonly record struct Entry(int Pid, string Name, char State)
    {
        public override string ToString() => $"{Pid} ({Name})";
    }

    /// <summary>
    /// /proc/PID/stat split after the command name: "pid (comm) state ppid pgrp ..." gives Fields[0] = state,
    /// [1] = ppid, [2] = pgrp, [11] = utime, [12] = stime, [19] = start time, [21] = rss pages. The name may hold spaces and
    /// parentheses, hence the last ')'. Null when the process is gone (or the line is not what it should be).
    /// </summary>
    public static (string Name, string[] Fields)? ReadStat(int pid)
    {
        var stat = Posix.SmallFiles.Read($"/proc/{pid}/stat");
        var open = stat?.IndexOf('(') ?? -1;
        var close = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || open < 0 || close + 2 > stat.Length)
        {
            return null;
        }
        return (stat[(open + 1)..close], stat[(close + 2)..].Split(' '));
    }

    public static IReadOnlyList<Entry> InGroup(int pgid)
    {
        var members = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) &&
                ReadStat(pid) is { Fields.Length: > 2 } stat && Number(stat.Fields[2]) == pgid)
            {
                members.Add(new Entry(pid, stat.Name, stat.Fields[0].Length > 0 ? stat.Fields[0][0] : '?'));
            }
        }
        return members;
    }

    /// <summary>
    /// The members of the group that are stopped, found from the leader down through its descendants
    /// (/proc/PID/task/PID/children), the way group members come to be; a few small reads, not a walk over every
    /// process. Null when the kernel has no children files (then only the whole /proc can tell).
    /// </summary>
    public static IReadOnlyList<int>? StoppedDescendantsInGroup(int leader)
    {
        var stopped = new List<int>();
        var frontier = new Queue<int>([leader]);
        while (frontier.Count > 0)
        {
            var pid = frontier.Dequeue();
            var stat = ReadStat(pid);
            var children = Posix.SmallFiles.Read($"/proc/{pid}/task/{pid}/children");
            if (pid == leader && children is null)
            {
                return stat is null ? [] : null; // gone, or a kernel without children files
            }
            if (stat is { Fields.Length: > 2 } s && Number(s.Fields[2]) == leader && s.Fields[0] == "T")
            {
                stopped.Add(pid);
            }
            foreach (var child in (children ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(child, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    frontier.Enqueue(c);
                }
            }
        }
        return stopped;
    }

    /// <summary>True while the process is stopped by a signal (state T, not a tracer's t); false once it runs
    /// again or is gone.</summary>
    public static bool IsStopped(int pid) => ReadStat(pid) is { } stat && stat.Fields[0] == "T";

    /// <summary>When a live process started, in clock ticks since boot (field 22 of /proc/PID/stat): with the pid
    /// it names one process, as a pid alone does not once pids are reused. Null when it is gone.</summary>
    public static long? StartTicks(int pid) =>
        ReadStat(pid) is { Fields.Length: > 19 } stat &&
        long.TryParse(stat.Fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;

    /// <summary>The parent of a live process; 0 when it is gone (or has none: PID 1's parent is 0).</summary>
    public static int ParentOf(int pid) => ReadStat(pid) is { Fields.Length: > 1 } stat ? Number(stat.Fields[1]) : 0;

    /// <summary>The process group of a live process; 0 when it is gone.</summary>
    public static int GroupOf(int pid) => ReadStat(pid) is { Fields.Length: > 2 } stat ? Number(stat.Fields[2]) : 0;

    private static int Number(string field) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
