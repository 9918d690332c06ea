using Init.Options;
using Init.Logging;
using Xunit;

namespace Init.Tests.Options;

public class ValueParsersTests
{
    [Theory]
    [InlineData("TERM:QUIT", 15, 3)]
    [InlineData("USR1:0", 10, 0)]
    [InlineData("15:3", 15, 3)]
    [InlineData("SIGHUP:sigusr2", 1, 12)]
    [InlineData(" TERM : INT ", 15, 2)]
    [InlineData("RTMIN+1:RTMAX", 35, 64)]
    [InlineData("WINCH:0", 28, 0)]
    public void Rewrite(string value, int from, int to) =>
        Assert.Equal(new KeyValuePair<int, int>(from, to), ValueParsers.Rewrite("-r", value));

    [Theory]
    [InlineData("TERM")]
    [InlineData("TERM:")]
    [InlineData(":TERM")]
    [InlineData("TERM:FOO")]
    [InlineData("FOO:TERM")]
    [InlineData("0:TERM")]
    [InlineData("TERM:QUIT:HUP")]
    [InlineData("TERM:65")]
    [InlineData("32:TERM")]
    [InlineData("TERM:33")]
    [InlineData("")]
    public void RewriteRejectsMalformed(string value)
    {
        var e = Assert.Throws<UsageException>(() => ValueParsers.Rewrite("--rewrite", value));

        Assert.StartsWith("--rewrite:", e.Message);
        Assert.Contains($"'{value}'", e.Message);
    }

    [Theory]
    [InlineData("KILL:TERM", "SIGKILL")]
    [InlineData("STOP:TERM", "SIGSTOP")]
    [InlineData("CHLD:TERM", "SIGCHLD")]
    [InlineData("SEGV:TERM", "SIGSEGV")]
    [InlineData("PIPE:TERM", "SIGPIPE")]
    [InlineData("RTMIN:TERM", "SIGRTMIN")]
    public void RewriteRejectsSignalsInitNeverForwards(string value, string named)
    {
        var e = Assert.Throws<UsageException>(() => ValueParsers.Rewrite("-r", value));

        Assert.Equal($"-r: {named} cannot be rewritten: init never receives it as a forwardable signal", e.Message);
    }

    [Fact]
    public void RewriteToANonForwardableSignalIsAllowed() =>
        Assert.Equal(new KeyValuePair<int, int>(15, 9), ValueParsers.Rewrite("-r", "TERM:KILL"));

    [Theory]
    [InlineData("TERM:QUIT, USR1:0")]
    [InlineData("TERM:QUIT,USR1:0")]
    [InlineData("TERM:QUIT USR1:0")]
    [InlineData(" TERM:QUIT\tUSR1:0 ,")]
    public void Rewrites(string value) =>
        Assert.Equal(new Dictionary<int, int> { [15] = 3, [10] = 0 }, ValueParsers.Rewrites("INIT_REWRITE", value).ToDictionary());

    [Fact]
    public void RewritesLaterEntryWins() =>
        Assert.Equal(1, ValueParsers.Rewrites("INIT_REWRITE", "TERM:QUIT,TERM:HUP")[15]);

    [Fact]
    public void RewritesEmptyIsEmpty() => Assert.Empty(ValueParsers.Rewrites("INIT_REWRITE", " , "));

    [Theory]
    [InlineData("TERM:QUIT,TERM")]
    [InlineData("TERM:QUIT,KILL:TERM")]
    [InlineData("TERM:QUIT;USR1:0")]
    public void RewritesRejectsABadItem(string value) =>
        Assert.StartsWith("INIT_REWRITE:", Assert.Throws<UsageException>(() => ValueParsers.Rewrites("INIT_REWRITE", value)).Message);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("143", 143)]
    [InlineData("255", 255)]
    [InlineData(" 7 ", 7)]
    public void ExitCode(string value, int expected) => Assert.Equal(expected, ValueParsers.ExitCode("-e", value));

    [Theory]
    [InlineData("256")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("99999999999")]
    public void ExitCodeRejects(string value)
    {
        var e = Assert.Throws<UsageException>(() => ValueParsers.ExitCode("-e", value));

        Assert.Equal($"-e: '{value}' is not valid; expected an exit code from 0 to 255", e.Message);
    }

    [Fact]
    public void ExitCodes() =>
        Assert.Equal([0, 130, 143], ValueParsers.ExitCodes("INIT_SUCCESS_EXIT_CODES", "143, 130,0 143").Order());

    [Theory]
    [InlineData("1,,2")]
    [InlineData("1,")]
    [InlineData(",1")]
    [InlineData("1, ,2")]
    [InlineData(" ")]
    public void ExitCodesRejectAnEmptyItem(string value)
    {
        var e = Assert.Throws<UsageException>(() => ValueParsers.ExitCodes("INIT_SUCCESS_EXIT_CODES", value));

        Assert.Equal($"INIT_SUCCESS_EXIT_CODES: '{value}' is not valid; expected exit codes from 0 to 255 separated by commas, " +
            "e.g. 143,130 (one is empty)", e.Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("ON", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData(" off ", false)]
    public void Boolean(string value, bool expected) => Assert.Equal(expected, ValueParsers.Boolean("X", value));

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("y")]
    [InlineData("enabled")]
    public void BooleanRejects(string value) =>
        Assert.Contains($"'{value}'", Assert.Throws<UsageException>(() => ValueParsers.Boolean("X", value)).Message);

    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("SIGKILL", 9)]
    [InlineData("15", 15)]
    [InlineData("RTMIN+2", 36)]
    public void Signal(string value, int expected) => Assert.Equal(expected, ValueParsers.Signal("-p", value));

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("FOO")]
    public void SignalRejects(string value) =>
        Assert.StartsWith($"-p: '{value}' is not valid", Assert.Throws<UsageException>(() => ValueParsers.Signal("-p", value)).Message);

    [Theory]
    [InlineData("error", LogLevel.Error)]
    [InlineData("warning", LogLevel.Warning)]
    [InlineData("warn", LogLevel.Warning)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("Information", LogLevel.Information)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("trace", LogLevel.Verbose)]
    [InlineData("verbose", LogLevel.Verbose)]
    public void LogLevels(string value, LogLevel expected) =>
        Assert.Equal(expected, ValueParsers.LogLevel("--log-level", value));

    [Theory]
    [InlineData("fatal")]
    [InlineData("")]
    [InlineData("3")]
    public void LogLevelRejects(string value) =>
        Assert.Throws<UsageException>(() => ValueParsers.LogLevel("--log-level", value));

    [Theory]
    [InlineData(-1, LogLevel.Error)]
    [InlineData(0, LogLevel.Error)]
    [InlineData(1, LogLevel.Warning)]
    [InlineData(2, LogLevel.Information)]
    [InlineData(3, LogLevel.Debug)]
    [InlineData(4, LogLevel.Verbose)]
    [InlineData(10, LogLevel.Verbose)]
    public void Verbosity(int level, LogLevel expected) => Assert.Equal(expected, ValueParsers.Verbosity(level));

    [Theory]
    [InlineData("text", nameof(LogFormat.Text))]
    [InlineData("JSON", nameof(LogFormat.Json))]
    public void Format(string value, string expected) => Assert.Equal(Enum.Parse<LogFormat>(expected), ValueParsers.Format("f", value));

    [Fact]
    public void FormatRejects() => Assert.Throws<UsageException>(() => ValueParsers.Format("f", "xml"));

    [Theory]
    [InlineData("group", nameof(SignalTarget.Group))]
    [InlineData("CHILD", nameof(SignalTarget.Child))]
    public void Target(string value, string expected) => Assert.Equal(Enum.Parse<SignalTarget>(expected), ValueParsers.Target("t", value));

    [Fact]
    public void TargetRejects() => Assert.Throws<UsageException>(() => ValueParsers.Target("t", "pid"));

    [Fact]
    public void DurationRejectsWithTheAcceptedForms()
    {
        var e = Assert.Throws<UsageException>(() => ValueParsers.Duration("-t", "25h"));

        Assert.Equal("-t: '25h' is not valid; expected a duration such as 10s, 1500ms or 2m (0 to 24h)", e.Message);
    }
}
