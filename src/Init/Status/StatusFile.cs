using System.Globalization;

namespace Init.Status;

/// <summary>
/// Who wrote a status file: init's pid and kernel start time (a pid alone is reused; the two together name one
/// process), and which of its publishes this is.
/// </summary>
internal readonly record struct StatusWriter(int Pid, long? StartTicks, long Sequence);

/// <summary>The status file's format, written by <see cref="StatusPublisher"/> and read by `init status`.</summary>
internal static class StatusFile
{
    private const string Header = "init";
    private const int ProcessFields = 10;

    /// <summary>
    /// A line "init PID START SEQUENCE", then one line per process: tab-separated name, pid, state, ready,
    /// required, restarts, start time (Unix ms, or -), last exit, status text (tabs and newlines turned to
    /// spaces) and the kernel's start time of that pid (or -). A start time not known is written "-".
    /// </summary>
    public static byte[] Serialize(StatusWriter writer, IEnumerable<ProcessSnapshot> processes)
    {
        var text = new System.Text.StringBuilder();
        text.AppendJoin(' ', Header, Number(writer.Pid), Optional(writer.StartTicks), Number(writer.Sequence)).Append('\n');
        foreach (var p in processes)
        {
            text.AppendJoin('\t',
                Clean(p.Name), Number(p.Pid), p.State, p.Ready ? "1" : "0", p.Required ? "1" : "0", Number(p.Restarts),
                Optional(p.StartedAt?.ToUnixTimeMilliseconds()), Clean(p.LastExit ?? ""), Clean(p.StatusText ?? ""),
                Optional(p.StartTicks)).Append('\n');
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <exception cref="FormatException">not a status file this init writes.</exception>
    /// <exception cref="OverflowException">likewise.</exception>
    public static IReadOnlyList<ProcessSnapshot> Deserialize(ReadOnlySpan<byte> data, out StatusWriter writer)
    {
        var lines = System.Text.Encoding.UTF8.GetString(data).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines.Length > 0 ? lines[0].Split(' ') : [];
        if (header.Length != 4 || header[0] != Header)
        {
            throw new FormatException("not an init status file");
        }
        writer = new StatusWriter(int.Parse(header[1], CultureInfo.InvariantCulture), ParseOptional(header[2]),
            long.Parse(header[3], CultureInfo.InvariantCulture));
        var list = new List<ProcessSnapshot>();
        foreach (var line in lines.AsSpan(1))
        {
            var f = line.Split('\t');
            if (f.Length != ProcessFields)
            {
                throw new FormatException("a process line has " + f.Length + " fields");
            }
            list.Add(new ProcessSnapshot(
                f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3] == "1", f[4] == "1",
                int.Parse(f[5], CultureInfo.InvariantCulture),
                ParseOptional(f[6]) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
                f[7].Length == 0 ? null : f[7], f[8].Length == 0 ? null : f[8], ParseOptional(f[9])));
        }
        return list;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Optional(long? value) => value is { } v ? Number(v) : "-";

    private static long? ParseOptional(string text) => text == "-" ? null : long.Parse(text, CultureInfo.InvariantCulture);

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
