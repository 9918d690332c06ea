using System.Text;
using Init.Logging;

namespace Init.Tests.Logging;

/// <summary>One line of an event in either format, as the log writes it, at a fixed time.</summary>
internal static class LogTestLines
{
    /// <summary>09:30:05.123 at UTC+2: the JSON must say 07:30:05.123Z.</summary>
    public static readonly DateTimeOffset Time = new(2026, 12, 1, 9, 30, 5, 123, TimeSpan.FromHours(2));

    public static string Text(LogEvent e, params LogValue[] values)
    {
        var line = new StringBuilder();
        LogFormats.Text(line, e, values, new StringBuilder());
        return line.ToString();
    }

    public static string Json(LogEvent e, params LogValue[] values)
    {
        var line = new StringBuilder();
        LogFormats.Json(line, e, values, Time, new StringBuilder());
        return line.ToString();
    }

    public static LogValue MainProcess(int pid) => LogValue.Process("main", pid, isMain: true);

    public static LogValue Sidecar(string name, int pid) => LogValue.Process(name, pid, isMain: false);

    public static LogValue Exited(int code) => LogValue.Exit(code, killedBy: null);

    public static LogValue Killed(string signal, int exitCode) => LogValue.Exit(exitCode, signal);
}
