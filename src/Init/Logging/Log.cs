using System.Text;

namespace Init.Logging;

/// <summary>
/// init's own log lines, on stderr only (children's output never passes through init). A line is one of
/// <see cref="LogEvents"/>, formatted and written at once, on the loop's thread: nothing buffered, no
/// background thread, no logging library (Serilog and its formatters cost init 1.4 MB, a third of the file;
/// docs/design.md, "One static file" and "Logging").
/// </summary>
internal sealed class Log
{
    public static readonly Log None = new(LogLevel.Silent, json: false, TextWriter.Null, () => DateTimeOffset.UnixEpoch);

    private readonly LogLevel _minimum;
    private readonly bool _json;
    private readonly TextWriter _output;
    private readonly Func<DateTimeOffset> _now;
    private readonly StringBuilder _line = new(256);
    private readonly StringBuilder _scratch = new(256);

    public Log(LogLevel minimum, bool json, TextWriter output, Func<DateTimeOffset> now)
    {
        _minimum = minimum;
        _json = json;
        _output = output;
        _now = now;
    }

    public bool IsEnabled(LogLevel level) => level >= _minimum && level != LogLevel.Silent;

    /// <summary>Writes a line of <paramref name="e"/>, its values in the order of its holes, when its level is on.
    /// Where finding a value costs something (a hot path), check <see cref="IsEnabled"/> first.</summary>
    public void Write(LogEvent e, params ReadOnlySpan<LogValue> values)
    {
        if (!IsEnabled(e.Level))
        {
            return;
        }
        _line.Clear();
        Format(_line, _scratch, e, values);
        // One Write for the whole line, so it reaches the fd in one write(2) (see StandardStreams.Log).
        _output.Write(TextEscape.Span(_line));
    }

    /// <summary>A line as text, for the stream's own note on dropped lines, which it writes in the middle of
    /// a <see cref="Write"/> (so with builders of its own).</summary>
    public string Line(LogEvent e, params ReadOnlySpan<LogValue> values)
    {
        var line = new StringBuilder();
        Format(line, new StringBuilder(), e, values);
        return line.ToString();
    }

    private void Format(StringBuilder line, StringBuilder scratch, LogEvent e, ReadOnlySpan<LogValue> values)
    {
        if (_json)
        {
            LogFormats.Json(line, e, values, _now(), scratch);
        }
        else
        {
            LogFormats.Text(line, e, values, scratch);
        }
    }
}
