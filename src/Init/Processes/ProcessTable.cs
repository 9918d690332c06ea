using System.Globalization;

namespace Init.Processes;

/// <summary>Reads /proc to name the processes init is about to act on, so its log says who it killed.</summary>
internal static class ProcessTable
{
    public readonly record struct Entry(int Pid, string Name)
    {
        public override string ToString() => $"{Pid} ({Name})";
    }

    public static IReadOnlyList<Entry> InGroup(int pgid)
    {
        var members = new List<Entry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                if (fields.Length > 2 && int.Parse(fields[2], CultureInfo.InvariantCulture) == pgid)
                {
                    members.Add(new Entry(pid, stat[(open + 1)..close]));
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return members;
    }

    /// <summary>True while the process is stopped (state T); false once it runs again or is gone.</summary>
    public static bool IsStopped(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..];
            return rest.Length > 0 && rest[0] == 'T';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The process group of a live process; 0 when it is gone.</summary>
    public static int GroupOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[2], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
