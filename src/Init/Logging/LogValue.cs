using System.Globalization;
using System.Text;

namespace Init.Logging;

/// <summary>
/// The value for one hole of a <see cref="LogEvent"/>, rendered in words for the message and typed for JSON:
/// a duration is "1500ms" in text and 1500 in `delay_ms`; a process is "sidecar worker (12)" in text and
/// `"process":"worker","pid":12`. A struct of plain fields: passing values boxes nothing, and a line is
/// built without allocating (docs/design.md, "Logging").
/// </summary>
internal readonly struct LogValue
{
    private enum Kind : byte { Missing, Text, Number, Duration, Flag, Word, Process, Exit, Command }

    private readonly Kind _kind;
    private readonly bool _flag;
    private readonly long _number;
    private readonly object? _value;
    private readonly string? _words;

    private LogValue(Kind kind, long number = 0, object? value = null, string? words = null, bool flag = false)
    {
        _kind = kind;
        _number = number;
        _value = value;
        _words = words;
        _flag = flag;
    }

    public static implicit operator LogValue(string? text) => text is null ? default : new(Kind.Text, value: text);

    public static implicit operator LogValue(int number) => new(Kind.Number, number);

    public static implicit operator LogValue(long number) => new(Kind.Number, number);

    /// <summary>Whole milliseconds in JSON; "30s" or "1500ms" in text, as durations are written in settings.</summary>
    public static implicit operator LogValue(TimeSpan duration) =>
        new(Kind.Duration, (long)Math.Round(duration.TotalMilliseconds, MidpointRounding.AwayFromZero));

    /// <summary>No value: "none" in text, null in JSON.</summary>
    public static LogValue None => default;

    /// <summary>true or false in JSON; in text, the words for each (often "" for the usual case).</summary>
    public static LogValue Flag(bool value, string whenTrue, string whenFalse) =>
        new(Kind.Flag, value: whenTrue, words: whenFalse, flag: value);

    /// <summary>A fixed word in JSON ("group") that reads differently in the message ("the group of ").</summary>
    public static LogValue Word(string json, string text) => new(Kind.Word, value: json, words: text);

    /// <summary>For a {process} hole: "main process 12" or "sidecar worker (12)" in text, and the process's
    /// name and (once started, pid &gt; 0) its pid in JSON.</summary>
    public static LogValue Process(string name, int pid, bool isMain) => new(Kind.Process, pid, name, flag: isMain);

    /// <summary>For a {status} hole: "exit code 3" or "killed by SIGKILL (exit code 137)" in text; status,
    /// exit_code and, when killed, signal in JSON.</summary>
    public static LogValue Exit(int exitCode, string? killedBy) => new(Kind.Exit, exitCode, killedBy);

    /// <summary>A command line, its words quoted as a shell would need them: sh -c 'exit 3'.</summary>
    public static LogValue Command(IReadOnlyList<string> words) => new(Kind.Command, value: words);

    /// <summary>The value in words, as the message shows it (not yet escaped).</summary>
    public void AppendText(StringBuilder to)
    {
        switch (_kind)
        {
            case Kind.Missing: to.Append("none"); break;
            case Kind.Text or Kind.Word: to.Append(_kind == Kind.Word ? _words : (string?)_value); break;
            case Kind.Number: AppendNumber(to, _number); break;
            case Kind.Duration: AppendDuration(to, _number); break;
            case Kind.Flag: to.Append(_flag ? (string?)_value : _words); break;
            case Kind.Process:
                to.Append(_flag ? "main process" : "sidecar ").Append(_flag ? "" : (string?)_value);
                if (_number > 0)
                {
                    to.Append(_flag ? " " : " (");
                    AppendNumber(to, _number);
                    to.Append(_flag ? "" : ")");
                }
                break;
            case Kind.Exit:
                if (_value is string signal)
                {
                    to.Append("killed by ").Append(signal).Append(" (exit code ");
                    AppendNumber(to, _number);
                    to.Append(')');
                }
                else
                {
                    to.Append("exit code ");
                    AppendNumber(to, _number);
                }
                break;
            case Kind.Command: ShellWords.Append(to, (IReadOnlyList<string>)_value!); break;
        }
    }

    /// <summary>,"name":value, and the companions of a process or an exit. <paramref name="scratch"/> is a
    /// reused builder for values that are rendered before they are escaped.</summary>
    public void AppendJson(StringBuilder to, string name, StringBuilder scratch)
    {
        to.Append(",\"").Append(name).Append("\":");
        switch (_kind)
        {
            case Kind.Missing: to.Append("null"); break;
            case Kind.Text or Kind.Word or Kind.Process: JsonValues.String(to, (string)_value!); break;
            case Kind.Number or Kind.Duration: AppendNumber(to, _number); break;
            case Kind.Flag: to.Append(_flag ? "true" : "false"); break;
            case Kind.Exit: to.Append(_value is null ? "\"exited\"" : "\"killed\""); break;
            case Kind.Command:
                scratch.Clear();
                AppendText(scratch);
                JsonValues.String(to, scratch);
                break;
        }
        if (_kind == Kind.Process && _number > 0)
        {
            to.Append(",\"pid\":");
            AppendNumber(to, _number);
        }
        else if (_kind == Kind.Exit)
        {
            to.Append(",\"exit_code\":");
            AppendNumber(to, _number);
            if (_value is string signal)
            {
                to.Append(",\"signal\":");
                JsonValues.String(to, signal);
            }
        }
    }

    private static void AppendNumber(StringBuilder to, long number) => to.Append(CultureInfo.InvariantCulture, $"{number}");

    /// <summary>Whole seconds as "30s", anything else as "1500ms" (the spellings Options/Duration.cs reads).</summary>
    public static void AppendDuration(StringBuilder to, long milliseconds)
    {
        if (milliseconds % 1000 == 0)
        {
            AppendNumber(to, milliseconds / 1000);
            to.Append('s');
        }
        else
        {
            AppendNumber(to, milliseconds);
            to.Append("ms");
        }
    }
}
