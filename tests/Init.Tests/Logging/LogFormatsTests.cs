using System.Text;
using System.Text.Json;
using Init.Logging;
using Xunit;
using static Init.Tests.Logging.LogTestLines;

namespace Init.Tests.Logging;

/// <summary>What every line shares: the prefix and level words, escaping, durations, commands, levels.</summary>
public class LogFormatsTests
{
    /// <summary>What a command line can hold: quotes, backslashes, control characters, and bytes that are not
    /// UTF-8 (.NET decodes an argument's invalid bytes to U+FFFD; a lone surrogate can come from elsewhere).</summary>
    private static readonly string Nasty = "a\"b\\c'd\ne\tf\u0001g\u007fh\u009b" + Encoding.UTF8.GetString([0x69, 0xff, 0xfe]) + "\ud800j\udc00";

    private static readonly string[] NastyCommand = ["printf", Nasty];

    [Theory]
    [InlineData(LogLevel.Error, "EROR")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Debug, "DBUG")]
    [InlineData(LogLevel.Verbose, "VERB")]
    public void Text_lines_start_with_init_and_the_level(LogLevel level, string shown) =>
        Assert.Equal($"[init] {shown} x 1\n", Text(new LogEvent("x", level, "x {count}"), 1));

    [Theory]
    [InlineData(LogLevel.Verbose, "trace")]
    [InlineData(LogLevel.Debug, "debug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Warning, "warning")]
    [InlineData(LogLevel.Error, "error")]
    public void Json_levels_are_the_usual_words(LogLevel level, string word)
    {
        using var doc = JsonDocument.Parse(Json(new LogEvent("x", level, "x")));
        Assert.Equal(word, doc.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public void Text_escapes_control_characters_keeps_quotes_and_replaces_what_is_not_utf8()
    {
        var line = Text(LogEvents.Started, MainProcess(7), LogValue.Command(NastyCommand));

        Assert.Equal("[init] INFO started main process 7: printf 'a\"b\\c'\\''d\\ne\\tf\\x01g\\x7fh\\x9bi\uFFFD\uFFFD\uFFFDj\uFFFD'\n", line);
        Assert.Single(line.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(line, Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(line)));
    }

    [Fact]
    public void Json_escapes_quotes_backslashes_control_characters_and_replaces_what_is_not_utf8()
    {
        var line = Json(LogEvents.NotifyStatus, MainProcess(7), Nasty);

        Assert.Contains("\"status_text\":\"a\\\"b\\\\c'd\\ne\\tf\\u0001g\\u007fh\\u009bi\uFFFD\uFFFD\uFFFDj\uFFFD\"", line);
        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        using var doc = JsonDocument.Parse(Encoding.UTF8.GetBytes(line));
        var expected = Nasty.Replace("\ud800", "\uFFFD").Replace("\udc00", "\uFFFD");
        Assert.Equal(expected, doc.RootElement.GetProperty("status_text").GetString());
        Assert.Equal("main process 7 status: " + expected, doc.RootElement.GetProperty("msg").GetString());
    }

    [Fact]
    public void A_surrogate_pair_is_kept()
    {
        using var doc = JsonDocument.Parse(Json(LogEvents.NotifyStatus, MainProcess(7), "ok \U0001F600"));
        Assert.Equal("ok \U0001F600", doc.RootElement.GetProperty("status_text").GetString());
        Assert.EndsWith("ok \U0001F600\n", Text(LogEvents.NotifyStatus, MainProcess(7), "ok \U0001F600"));
    }

    [Fact]
    public void Commands_are_quoted_only_where_a_shell_needs_it()
    {
        var line = Json(LogEvents.Started, MainProcess(7), LogValue.Command(["/usr/bin/env", "A=1", "sh", "-c", "echo \"$HOME\"; it's", ""]));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal("/usr/bin/env A=1 sh -c 'echo \"$HOME\"; it'\\''s' ''", doc.RootElement.GetProperty("command").GetString());
    }

    [Theory]
    [InlineData(30_000, "30s")]
    [InlineData(1_500, "1500ms")]
    [InlineData(0, "0s")]
    [InlineData(120_000, "120s")]
    [InlineData(1690.4, "1690ms")]
    public void Durations_are_whole_milliseconds_in_json_and_the_settings_spelling_in_text(double milliseconds, string text)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);
        Assert.EndsWith($"in {text}\n", Text(LogEvents.PollFailed, "x", duration));
        Assert.True(Init.Options.Duration.TryParse(text, out var parsed));
        using var doc = JsonDocument.Parse(Json(LogEvents.PollFailed, "x", duration));
        Assert.Equal((long)parsed.TotalMilliseconds, doc.RootElement.GetProperty("delay_ms").GetInt64());
    }

    [Fact]
    public void A_process_not_started_yet_has_no_pid()
    {
        Assert.EndsWith("for main process\n", Text(LogEvents.CommandNotFound, "x", "y", MainProcess(0)));
        Assert.DoesNotContain("\"pid\"", Json(LogEvents.CommandNotFound, "x", "y", Sidecar("w", 0)));
    }

    [Fact]
    public void Missing_values_read_none_and_are_null_in_json()
    {
        Assert.Equal("[init] INFO started none: none\n", Text(LogEvents.Started));
        using var doc = JsonDocument.Parse(Json(LogEvents.Started, (string?)null));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("process").ValueKind);
    }

    [Fact]
    public void A_log_writes_only_at_or_above_its_level()
    {
        var output = new StringWriter();
        var log = new Log(LogLevel.Warning, json: false, output, () => Time);

        log.Write(LogEvents.Started, MainProcess(7), LogValue.Command(["x"]));
        log.Write(LogEvents.SignalDropped, "SIGHUP");
        log.Write(LogEvents.ZombieReaped, 9, Exited(0));
        log.Write(LogEvents.InternalError, "boom");

        Assert.Equal("[init] WARN reaped zombie pid 9: exit code 0\n[init] EROR internal error, going on: boom\n", output.ToString());
        Assert.False(Log.None.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void A_line_for_the_stream_is_in_the_log_format()
    {
        var log = new Log(LogLevel.Error, json: true, TextWriter.Null, () => Time);
        using var doc = JsonDocument.Parse(log.Line(LogEvents.LogLinesDropped, 3));
        Assert.Equal("log_lines_dropped", doc.RootElement.GetProperty("event").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("count").GetInt32());
    }
}
