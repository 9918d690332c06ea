using System.Globalization;
using System.Text;

namespace Init.Logging;

/// <summary>How one line looks: text for people, flat JSON for log shippers.</summary>
internal static class LogFormats
{
    /// <summary>"[init] WARN sidecar worker (12) ended: exit code 1; restart 1 in 1s".</summary>
    public static void Text(StringBuilder line, LogLevel level, string template, ReadOnlySpan<object?> values)
    {
        line.Append("[init] ").Append(level switch
        {
            LogLevel.Verbose => "VERB",
            LogLevel.Debug => "DBUG",
            LogLevel.Information => "INFO",
            LogLevel.Warning => "WARN",
            _ => "EROR",
        }).Append(' ');
        var start = line.Length;
        MessageTemplate.Render(template, values, line);
        EscapeControlCharacters(line, start);
        line.Append('\n');
    }

    /// <summary>
    /// One flat object a line: {"time":"2026-12-01T10:00:00.000Z","level":"info","msg":"...","logger":"init",
    /// and each value of the message under its name in snake_case ("MainPid" is "main_pid")}.
    /// </summary>
    public static void Json(StringBuilder line, LogLevel level, string template, ReadOnlySpan<object?> values, DateTimeOffset time)
    {
        var message = new StringBuilder();
        var fields = new List<(string Name, object? Value)>(values.Length);
        MessageTemplate.Render(template, values, message, (name, value) => fields.Add((SnakeCase(name), value)));
        line.Append("{\"time\":\"").Append(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append("\",\"level\":\"").Append(level switch
            {
                LogLevel.Verbose => "trace",
                LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warning",
                _ => "error",
            }).Append("\",\"msg\":");
        JsonValues.String(line, message.ToString());
        line.Append(",\"logger\":\"init\"");
        foreach (var (name, value) in fields)
        {
            if (name is "time" or "level" or "msg" or "logger")
            {
                continue;
            }
            line.Append(",\"").Append(name).Append("\":");
            JsonValues.Value(line, value);
        }
        line.Append("}\n");
    }

    public static string SnakeCase(string name)
    {
        var snake = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                snake.Append('_');
            }
            snake.Append(char.ToLowerInvariant(c));
        }
        return snake.ToString();
    }

    /// <summary>A command line may hold anything: a line of text stays one line.</summary>
    private static void EscapeControlCharacters(StringBuilder line, int from)
    {
        for (var i = from; i < line.Length; i++)
        {
            if (char.IsControl(line[i]))
            {
                var escaped = line[i] switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", var c => $"\\x{(int)c:x2}" };
                line.Remove(i, 1).Insert(i, escaped);
                i += escaped.Length - 1;
            }
        }
    }
}
