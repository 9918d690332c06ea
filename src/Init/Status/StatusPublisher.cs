using System.Globalization;
using Init.Logging;

namespace Init.Status;

/// <summary>
/// Writes the processes' state to DIR/status whenever it changes (write to a temp file, then rename,
/// so a reader never sees half a file). No socket, no port, nothing polled: `init status` just reads it.
/// </summary>
internal sealed class StatusPublisher
{
    private readonly RuntimeDirectory _directory;
    private readonly Log _log;
    private bool _broken;

    public StatusPublisher(RuntimeDirectory directory, Log log)
    {
        _directory = directory;
        _log = log;
    }

    public void Publish(int initPid, IEnumerable<ProcessSnapshot> processes)
    {
        if (_broken)
        {
            return;
        }
        try
        {
            _directory.Create();
            var path = _directory.StatusFile;
            var temp = path + ".tmp";
            File.WriteAllBytes(temp, Serialize(initPid, processes));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only root file system must not stop init; `init status` will say there is no status.
            _broken = true;
            _log.Write(LogEvents.StatusUnavailable, _directory.Path, Posix.ErrorText.Of(e), RuntimeDirectory.EnvKey);
        }
    }

    public void Remove()
    {
        try
        {
            File.Delete(_directory.StatusFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// A line "init PID", then one line per process: tab-separated name, pid, state, ready, required,
    /// restarts, start time (Unix ms, or -), last exit and status text (tabs and newlines turned to spaces).
    /// </summary>
    public static byte[] Serialize(int initPid, IEnumerable<ProcessSnapshot> processes)
    {
        var text = new System.Text.StringBuilder();
        text.Append("init ").Append(initPid.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var p in processes)
        {
            text.AppendJoin('\t',
                Clean(p.Name), p.Pid.ToString(CultureInfo.InvariantCulture), p.State, p.Ready ? "1" : "0", p.Required ? "1" : "0",
                p.Restarts.ToString(CultureInfo.InvariantCulture),
                p.StartedAt is { } started ? started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : "-",
                Clean(p.LastExit ?? ""), Clean(p.StatusText ?? "")).Append('\n');
        }
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <exception cref="FormatException">not a status file.</exception>
    public static IReadOnlyList<ProcessSnapshot> Deserialize(ReadOnlySpan<byte> data, out int initPid)
    {
        var lines = System.Text.Encoding.UTF8.GetString(data).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0 || !lines[0].StartsWith("init ", StringComparison.Ordinal))
        {
            throw new FormatException("not an init status file");
        }
        initPid = int.Parse(lines[0][5..], CultureInfo.InvariantCulture);
        var list = new List<ProcessSnapshot>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length != 9)
            {
                throw new FormatException("a process line has " + f.Length + " fields");
            }
            list.Add(new ProcessSnapshot(
                f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3] == "1", f[4] == "1",
                int.Parse(f[5], CultureInfo.InvariantCulture),
                f[6] == "-" ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(f[6], CultureInfo.InvariantCulture)),
                f[7].Length == 0 ? null : f[7], f[8].Length == 0 ? null : f[8]));
        }
        return list;
    }

    private static string Clean(string value) => value.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
