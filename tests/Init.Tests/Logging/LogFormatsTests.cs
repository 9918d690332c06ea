using System.Text;
using System.Text.Json;
using Init.Logging;
using Xunit;

namespace Init.Tests.Logging;

public class LogFormatsTests
{
    private static readonly DateTimeOffset Time = new(2026, 12, 1, 9, 30, 5, 123, TimeSpan.FromHours(2));

    private static string Text(LogLevel level, string template, params object?[] values)
    {
        var line = new StringBuilder();
        LogFormats.Text(line, level, template, values);
        return line.ToString();
    }

    private static string Json(LogLevel level, string template, params object?[] values)
    {
        var line = new StringBuilder();
        LogFormats.Json(line, level, template, values, Time);
        return line.ToString();
    }

    [Theory]
    [InlineData(LogLevel.Error, "EROR")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Debug, "DBUG")]
    [InlineData(LogLevel.Verbose, "VERB")]
    public void Text_lines_start_with_init_and_the_level(LogLevel level, string shown) =>
        Assert.Equal($"[init] {shown} hello\n", Text(level, "hello"));

    [Fact]
    public void Values_fill_the_holes_in_order_without_quotes_and_numbers_invariantly() =>
        Assert.Equal("[init] INFO started main process 7: sh -c 'exit 3' after 1.5s\n",
            Text(LogLevel.Information, "started {Process}: {Command} after {Seconds}s", "main process 7", "sh -c 'exit 3'", 1.5));

    [Fact]
    public void A_format_after_a_colon_is_applied() =>
        Assert.Equal("[init] INFO 0042\n", Text(LogLevel.Information, "{N:D4}", 42));

    [Fact]
    public void A_line_of_text_stays_one_line() =>
        Assert.Equal("[init] WARN a\\nb\\tc\\x07\n", Text(LogLevel.Warning, "{X}", "a\nb\tc\a"));

    [Fact]
    public void Missing_values_and_nulls_render_as_null() =>
        Assert.Equal("[init] INFO null null\n", Text(LogLevel.Information, "{A} {B}", [null]));

    [Fact]
    public void Json_is_one_flat_object_with_time_level_msg_logger_and_snake_case_fields()
    {
        var line = Json(LogLevel.Warning, "{Process} ended: {Status}; restart {Count} in {Delay}", "sidecar w (5)", "exit code 1", 2, "1s");

        Assert.EndsWith("}\n", line);
        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal("2026-12-01T07:30:05.123Z", root.GetProperty("time").GetString());
        Assert.Equal("warning", root.GetProperty("level").GetString());
        Assert.Equal("sidecar w (5) ended: exit code 1; restart 2 in 1s", root.GetProperty("msg").GetString());
        Assert.Equal("init", root.GetProperty("logger").GetString());
        Assert.Equal("sidecar w (5)", root.GetProperty("process").GetString());
        Assert.Equal(2, root.GetProperty("count").GetInt32());
        Assert.Equal("1s", root.GetProperty("delay").GetString());
    }

    [Fact]
    public void Json_escapes_quotes_backslashes_and_control_characters()
    {
        var nasty = "a\"b\\c\nd\u0001e";
        using var doc = JsonDocument.Parse(Json(LogLevel.Error, "{Command}", nasty));

        Assert.Equal(nasty, doc.RootElement.GetProperty("command").GetString());
        Assert.Equal(nasty, doc.RootElement.GetProperty("msg").GetString());
    }

    [Theory]
    [InlineData("Pid", "pid")]
    [InlineData("MainPid", "main_pid")]
    [InlineData("RestartsInWindow", "restarts_in_window")]
    [InlineData("TCPPort", "tcp_port")]
    public void Field_names_are_snake_case(string name, string expected) => Assert.Equal(expected, LogFormats.SnakeCase(name));

    [Theory]
    [InlineData(LogLevel.Verbose, "trace")]
    [InlineData(LogLevel.Debug, "debug")]
    [InlineData(LogLevel.Information, "info")]
    [InlineData(LogLevel.Error, "error")]
    public void Json_levels_are_the_usual_words(LogLevel level, string word)
    {
        using var doc = JsonDocument.Parse(Json(level, "x"));
        Assert.Equal(word, doc.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public void A_log_writes_only_at_or_above_its_level()
    {
        var output = new StringWriter();
        var log = new Log(LogLevel.Warning, json: false, output, () => Time);

        log.Information("no");
        log.Debug("no");
        log.Warning("yes {A}", 1);
        log.Error("also");

        Assert.Equal("[init] WARN yes 1\n[init] EROR also\n", output.ToString());
        Assert.False(Log.None.IsEnabled(LogLevel.Error));
    }
}
