using Init.Options;
using Init.Logging;
using Xunit;

namespace Init.Tests.Options;

public class CommandLineTests
{
    private static CommandLine Parse(params string[] args) => CommandLine.Parse(args);

    private static UsageException Fails(params string[] args) =>
        Assert.Throws<UsageException>(() => CommandLine.Parse(args));

    [Fact]
    public void OptionsEndAtTheFirstNonOption()
    {
        var result = Parse("sh", "-c", "x");

        Assert.Equal(InitAction.Run, result.Action);
        Assert.Equal(["sh", "-c", "x"], result.Command);
        Assert.Null(result.Settings.SignalTarget);
        Assert.Equal(Settings.None, result.Settings);
    }

    [Fact]
    public void OptionsEndAtDoubleDash()
    {
        var result = Parse("-g", "--", "-c", "x");

        Assert.Equal(["-c", "x"], result.Command);
        Assert.Equal(SignalTarget.Group, result.Settings.SignalTarget);
    }

    [Fact]
    public void OnlyTheFirstDoubleDashEndsOptions()
    {
        Assert.Equal(["--", "x"], Parse("--", "--", "x").Command);
        Assert.Equal(["--help"], Parse("--", "--help").Command);
    }

    [Fact]
    public void OptionsAfterTheCommandBelongToTheCommand()
    {
        var result = Parse("-c", "app", "-v", "-g", "--help");

        Assert.Equal(["app", "-v", "-g", "--help"], result.Command);
        Assert.Equal(SignalTarget.Child, result.Settings.SignalTarget);
        Assert.Null(result.Settings.LogLevel);
    }

    [Fact]
    public void ALoneDashIsACommand() => Assert.Equal(["-", "x"], Parse("-", "x").Command);

    [Theory]
    [InlineData(new[] { "-v" }, LogLevel.Information)]
    [InlineData(new[] { "-vv" }, LogLevel.Debug)]
    [InlineData(new[] { "-vvv" }, LogLevel.Verbose)]
    [InlineData(new[] { "-vvvv" }, LogLevel.Verbose)]
    [InlineData(new[] { "-v", "-v" }, LogLevel.Debug)]
    [InlineData(new[] { "--verbose" }, LogLevel.Information)]
    [InlineData(new[] { "--verbose", "-vv" }, LogLevel.Verbose)]
    public void VerboseFlagsCount(string[] flags, LogLevel expected) =>
        Assert.Equal(expected, Parse([.. flags, "cmd"]).Settings.LogLevel);

    [Fact]
    public void NoVerboseFlagLeavesTheLevelUnset() => Assert.Null(Parse("cmd").Settings.LogLevel);

    [Theory]
    [InlineData("--log-level", "error", "-vvv")]
    [InlineData("-vvv", "--log-level", "error")]
    public void LogLevelWinsOverVerboseWhateverTheOrder(string a, string b, string c) =>
        Assert.Equal(LogLevel.Error, Parse(a, b, c, "cmd").Settings.LogLevel);

    [Fact]
    public void LogLevelAndFormatTakeValues()
    {
        var settings = Parse("--log-level=debug", "--log-format", "json", "cmd").Settings;

        Assert.Equal(LogLevel.Debug, settings.LogLevel);
        Assert.Equal(LogFormat.Json, settings.LogFormat);
    }

    [Fact]
    public void BundledFlagsAreEachApplied()
    {
        var settings = Parse("-swg", "cmd").Settings;

        Assert.True(settings.Subreaper);
        Assert.True(settings.WarnOnReap);
        Assert.Equal(SignalTarget.Group, settings.SignalTarget);
    }

    [Fact]
    public void LongBooleanFlags()
    {
        var settings = Parse("--subreaper", "--warn-on-reap", "--single-child", "cmd").Settings;

        Assert.True(settings.Subreaper);
        Assert.True(settings.WarnOnReap);
        Assert.Equal(SignalTarget.Child, settings.SignalTarget);
        Assert.Equal(SignalTarget.Group, Parse("--process-group", "cmd").Settings.SignalTarget);
    }

    [Fact]
    public void FlagsNotGivenStayUnset() =>
        Assert.Equal(Settings.None with { LogLevel = LogLevel.Information }, Parse("-v", "cmd").Settings);

    [Fact]
    public void ShutdownDelayReadinessAndWatchdog()
    {
        var settings = Parse("--shutdown-delay", "5s", "--shutdown-delay-forward", "--ready=tcp:8080", "--watchdog", "1m", "cmd")
            .Settings;

        Assert.Equal(TimeSpan.FromSeconds(5), settings.ShutdownDelay);
        Assert.True(settings.ForwardDuringDelay);
        Assert.Equal(new Readiness.Tcp(8080), settings.MainReady);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.MainWatchdog);
    }

    [Fact]
    public void SuccessExitCodesAccumulate()
    {
        var result = Parse("-e", "143", "-e", "130", "cmd");

        Assert.Equal([130, 143], result.Settings.SuccessExitCodes!.Order());
        Assert.Equal(["cmd"], result.Command);
    }

    [Fact]
    public void SuccessExitCodeAttached()
    {
        Assert.Equal([143], Parse("-e143", "cmd").Settings.SuccessExitCodes!);
        Assert.Equal([0], Parse("--success-exit-code=0", "cmd").Settings.SuccessExitCodes!);
        Assert.Equal([255], Parse("--success-exit-code", "255", "cmd").Settings.SuccessExitCodes!);
    }

    [Fact]
    public void AValueFlagEndsItsBundle()
    {
        var result = Parse("-ve143", "cmd");

        Assert.Equal(LogLevel.Information, result.Settings.LogLevel);
        Assert.Equal([143], result.Settings.SuccessExitCodes!);
        Assert.Equal(["cmd"], result.Command);
    }

    [Fact]
    public void AValueFlagAtTheEndOfABundleTakesTheNextArgument()
    {
        var result = Parse("-vt", "5s", "cmd");

        Assert.Equal(LogLevel.Information, result.Settings.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(5), result.Settings.KillTimeout);
        Assert.Equal(["cmd"], result.Command);
    }

    [Fact]
    public void ASeparateValueIsTakenEvenWhenItLooksLikeAnOption()
    {
        var result = Parse("-r", "TERM:QUIT", "--", "cmd");

        Assert.Equal(["cmd"], result.Command);
        Assert.Equal(3, result.Settings.Rewrites![15]);
    }

    [Fact]
    public void RewritesInAllSpellings()
    {
        var rewrites = Parse("-r", "TERM:QUIT", "--rewrite=USR1:0", "-rHUP:USR2", "--rewrite", "INT:TERM", "cmd")
            .Settings.Rewrites!;

        Assert.Equal(
            new Dictionary<int, int> { [15] = 3, [10] = 0, [1] = 12, [2] = 15 },
            rewrites.ToDictionary());
    }

    [Fact]
    public void ALaterRewriteOfTheSameSignalWins() =>
        Assert.Equal(1, Parse("-r", "TERM:QUIT", "-r", "TERM:HUP", "cmd").Settings.Rewrites![15]);

    [Theory]
    [InlineData(new[] { "-t", "10s" }, 10_000)]
    [InlineData(new[] { "-t10s" }, 10_000)]
    [InlineData(new[] { "--kill-timeout=1500ms" }, 1_500)]
    [InlineData(new[] { "--kill-timeout", "2m" }, 120_000)]
    [InlineData(new[] { "-t", "0" }, 0)]
    public void KillTimeout(string[] flags, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Parse([.. flags, "cmd"]).Settings.KillTimeout);

    [Theory]
    [InlineData(new[] { "-p", "TERM" }, 15)]
    [InlineData(new[] { "-pKILL" }, 9)]
    [InlineData(new[] { "--parent-death-signal=SIGUSR1" }, 10)]
    [InlineData(new[] { "--parent-death-signal", "RTMIN+1" }, 35)]
    public void ParentDeathSignal(string[] flags, int signal) =>
        Assert.Equal(signal, Parse([.. flags, "cmd"]).Settings.ParentDeathSignal);

    [Theory]
    [InlineData(new[] { "-t", "soon" }, "-t", "soon")]
    [InlineData(new[] { "-t", "touch" }, "-t", "touch")]
    [InlineData(new[] { "--kill-timeout=soon" }, "--kill-timeout", "soon")]
    [InlineData(new[] { "-p", "FOO" }, "-p", "FOO")]
    [InlineData(new[] { "-vpNOPE" }, "-p", "NOPE")]
    [InlineData(new[] { "-e", "256" }, "-e", "256")]
    [InlineData(new[] { "--success-exit-code=x" }, "--success-exit-code", "x")]
    [InlineData(new[] { "--rewrite=TERM" }, "--rewrite", "TERM")]
    [InlineData(new[] { "-r", "FOO:BAR" }, "-r", "FOO:BAR")]
    [InlineData(new[] { "--log-level", "loud" }, "--log-level", "loud")]
    [InlineData(new[] { "--log-format=xml" }, "--log-format", "xml")]
    [InlineData(new[] { "--shutdown-delay", "later" }, "--shutdown-delay", "later")]
    [InlineData(new[] { "--ready=tcp:0" }, "--ready", "tcp:0")]
    [InlineData(new[] { "--watchdog", "-1s" }, "--watchdog", "-1s")]
    [InlineData(new[] { "--watchdog", "0" }, "--watchdog", "0")]
    [InlineData(new[] { "--watchdog=0ms" }, "--watchdog", "0ms")]
    [InlineData(new[] { "--sidecar", "noequals" }, "--sidecar", "noequals")]
    public void BadValueNamesTheFlagAsWrittenAndTheValue(string[] flags, string flag, string value) =>
        Assert.StartsWith($"{flag}: '{value}' is not valid; expected ", Fails([.. flags, "cmd"]).Message);

    [Fact]
    public void RewriteOfANonForwardableSignalNamesTheFlagAndTheSignal() =>
        Assert.Equal(
            "--rewrite: SIGKILL cannot be rewritten: init never receives it as a forwardable signal",
            Fails("--rewrite=KILL:TERM", "cmd").Message);

    [Theory]
    [InlineData("-c", "-g")]
    [InlineData("-g", "-c")]
    [InlineData("-cg")]
    [InlineData("--single-child", "--process-group")]
    public void ChildAndGroupConflict(params string[] flags) =>
        Assert.Equal(
            "options -g (signal the process group) and -c (signal the child only) conflict",
            Fails([.. flags, "cmd"]).Message);

    [Fact]
    public void ChildAndGroupDoNotConflictBeforeHelp() => Assert.Equal(InitAction.Help, Parse("-c", "-g", "-h").Action);

    [Theory]
    [InlineData("--bogus", "'--bogus'")]
    [InlineData("--bogus=1", "'--bogus'")]
    [InlineData("-x", "'-x'")]
    [InlineData("-vx", "'-x'")]
    [InlineData("--Help", "'--Help'")]
    public void UnknownOptionIsNamed(string flag, string named)
    {
        var e = Fails(flag, "cmd");

        Assert.Equal($"unknown option {named}", e.Message);
    }

    [Theory]
    [InlineData("-e")]
    [InlineData("-p")]
    [InlineData("-r")]
    [InlineData("-t")]
    [InlineData("--kill-timeout")]
    [InlineData("--rewrite")]
    [InlineData("--success-exit-code")]
    [InlineData("--parent-death-signal")]
    [InlineData("--log-level")]
    [InlineData("--log-format")]
    [InlineData("--shutdown-delay")]
    [InlineData("--ready")]
    [InlineData("--watchdog")]
    [InlineData("--sidecar")]
    [InlineData("--sidecar-option")]
    public void MissingValue(string flag)
    {
        var e = Fails(flag);

        Assert.Equal($"option {flag} needs a value", e.Message);
    }

    [Fact]
    public void MissingValueInsideABundle() =>
        Assert.Equal("option -e needs a value", Fails("-ve").Message);

    [Theory]
    [InlineData]
    [InlineData("--")]
    [InlineData("-v")]
    [InlineData("-e", "143")]
    [InlineData("-g", "--")]
    public void NoCommand(params string[] args) => Assert.Equal("no command given", Fails(args).Message);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-vh")]
    [InlineData("-v", "--help", "cmd")]
    public void HelpNeedsNoCommand(params string[] args)
    {
        var result = Parse(args);

        Assert.Equal(InitAction.Help, result.Action);
        Assert.Empty(result.Command);
    }

    [Theory]
    [InlineData("-V")]
    [InlineData("--version")]
    [InlineData("--version", "cmd")]
    public void VersionNeedsNoCommand(params string[] args)
    {
        var result = Parse(args);

        Assert.Equal(InitAction.Version, result.Action);
        Assert.Empty(result.Command);
    }

    [Fact]
    public void HelpStopsParsingBeforeLaterErrors() =>
        Assert.Equal(InitAction.Help, Parse("-h", "--bogus").Action);

    [Theory]
    [InlineData("--verbose=x", "--verbose")]
    [InlineData("--help=1", "--help")]
    [InlineData("--version=", "--version")]
    [InlineData("--subreaper=1", "--subreaper")]
    [InlineData("--process-group=yes", "--process-group")]
    [InlineData("--single-child=1", "--single-child")]
    [InlineData("--warn-on-reap=1", "--warn-on-reap")]
    [InlineData("--shutdown-delay-forward=1", "--shutdown-delay-forward")]
    public void SwitchesTakeNoValue(string arg, string name) =>
        Assert.Equal($"option {name} takes no value", Fails(arg, "cmd").Message);

    [Fact]
    public void ARepeatedSuccessExitCodeCountsOnce() =>
        Assert.Equal([1], Parse("-e", "1", "-e1", "cmd").Settings.SuccessExitCodes!);
}
