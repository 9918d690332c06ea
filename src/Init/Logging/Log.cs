using System.Text;

namespace Init.Logging;

/// <summary>
/// init's own log lines, on stderr only (children's output never passes through init). A line is formatted
/// and written at once, on the loop's thread: nothing buffered, no background thread, no logging library
/// (Serilog and its formatters cost init 1.4 MB, a third of the file; docs/design.md, "One static file").
/// </summary>
internal sealed class Log
{
    public static readonly Log None = new(LogLevel.Silent, json: false, TextWriter.Null, () => DateTimeOffset.UnixEpoch);

    private readonly LogLevel _minimum;
    private readonly bool _json;
    private readonly TextWriter _output;
    private readonly Func<DateTimeOffset> _now;
    private readonly StringBuilder _line = new();

    public Log(LogLevel minimum, bool json, TextWriter output, Func<DateTimeOffset> now)
    {
        _minimum = minimum;
        _json = json;
        _output = output;
        _now = now;
    }

    public bool IsEnabled(LogLevel level) => level >= _minimum && level != LogLevel.Silent;

    public void Verbose(string template, params ReadOnlySpan<object?> values) => Write(LogLevel.Verbose, template, values);

    public void Debug(string template, params ReadOnlySpan<object?> values) => Write(LogLevel.Debug, template, values);

    public void Information(string template, params ReadOnlySpan<object?> values) => Write(LogLevel.Information, template, values);

    public void Warning(string template, params ReadOnlySpan<object?> values) => Write(LogLevel.Warning, template, values);

    public void Error(string template, params ReadOnlySpan<object?> values) => Write(LogLevel.Error, template, values);

    private void Write(LogLevel level, string template, ReadOnlySpan<object?> values)
    {
        if (!IsEnabled(level))
        {
            return;
        }
        _line.Clear();
        if (_json)
        {
            LogFormats.Json(_line, level, template, values, _now());
        }
        else
        {
            LogFormats.Text(_line, level, template, values);
        }
        _output.Write(_line.ToString());
    }
}
