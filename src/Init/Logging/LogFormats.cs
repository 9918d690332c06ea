using System.Globalization;
using System.Text;

namespace Init.Logging;

/// <summary>How one line looks: text for people, flat JSON for log shippers (docs/design.md, "Logging").
/// Both carry the same values; <paramref name="scratch"/> is a reused builder, so a line costs no allocation.</summary>
internal static class LogFormats
{
    /// <summary>"[init] WARN sidecar worker (12) ended: exit code 1; restart 1 in 1s".</summary>
    public static void Text(StringBuilder line, LogEvent e, ReadOnlySpan<LogValue> values, StringBuilder scratch)
    {
        line.Append("[init] ").Append(e.Level switch
        {
            LogLevel.Verbose => "VERB",
            LogLevel.Debug => "DBUG",
            LogLevel.Information => "INFO",
            LogLevel.Warning => "WARN",
            _ => "EROR",
        }).Append(' ');
        for (var i = 0; i < e.Holes.Count; i++)
        {
            line.Append(e.Literals[i]);
            scratch.Clear();
            ValueAt(values, i).AppendText(scratch);
            TextEscape.Append(line, scratch);
        }
        line.Append(e.Literals[^1]).Append('\n');
    }

    /// <summary>
    /// One flat object a line: {"time":"2026-12-01T09:30:05.123Z","level":"warning","msg":"...","logger":"init",
    /// "event":"sidecar_restarting", then each field of the event (LogFields), then "next" where the event has one}.
    /// </summary>
    public static void Json(StringBuilder line, LogEvent e, ReadOnlySpan<LogValue> values, DateTimeOffset time, StringBuilder scratch)
    {
        line.Append("{\"time\":\"")
            .Append(CultureInfo.InvariantCulture, $"{time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}")
            .Append("\",\"level\":\"").Append(LevelName(e.Level)).Append("\",\"msg\":");
        scratch.Clear();
        for (var i = 0; i < e.Holes.Count; i++)
        {
            scratch.Append(e.Literals[i]);
            ValueAt(values, i).AppendText(scratch);
        }
        scratch.Append(e.Literals[^1]);
        JsonValues.String(line, scratch);
        line.Append(",\"logger\":\"init\",\"event\":\"").Append(e.Name).Append('"');
        for (var i = 0; i < e.Holes.Count; i++)
        {
            ValueAt(values, i).AppendJson(line, e.Holes[i], scratch);
        }
        if (e.Next is { } next)
        {
            line.Append(",\"next\":\"").Append(next).Append('"');
        }
        line.Append("}\n");
    }

    /// <summary>The level as JSON has it (and as --log-level and INIT_LOG_LEVEL spell it).</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Verbose => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        _ => "error",
    };

    private static LogValue ValueAt(ReadOnlySpan<LogValue> values, int i) => i < values.Length ? values[i] : LogValue.None;
}
