using Init.Options;
using Init.Logging;
using Xunit;

namespace Init.Tests.Options;

public class SettingsTests
{
    private static readonly Settings Flags = new()
    {
        SignalTarget = SignalTarget.Child,
        KillTimeout = TimeSpan.FromSeconds(1),
        SuccessExitCodes = new HashSet<int> { 1 },
        ParentDeathSignal = 1,
        Subreaper = true,
        LogLevel = LogLevel.Verbose,
        LogFormat = LogFormat.Json,
        WarnOnReap = true,
    };

    private static readonly Settings Init = new()
    {
        SignalTarget = SignalTarget.Group,
        KillTimeout = TimeSpan.FromSeconds(2),
        SuccessExitCodes = new HashSet<int> { 2 },
        ParentDeathSignal = 2,
        Subreaper = false,
        LogLevel = LogLevel.Debug,
        LogFormat = LogFormat.Text,
        WarnOnReap = false,
    };

    private static readonly Settings Compatible = new()
    {
        SignalTarget = SignalTarget.Child,
        Subreaper = true,
        LogLevel = LogLevel.Error,
    };

    private static IReadOnlyDictionary<int, int> Map(params (int From, int To)[] entries) =>
        entries.ToDictionary(e => e.From, e => e.To);

    [Fact]
    public void FlagsWinOverEverything()
    {
        var settings = Flags.Over(Init.Over(Compatible));

        Assert.Equal(SignalTarget.Child, settings.SignalTarget);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.KillTimeout);
        Assert.Equal([1], settings.SuccessExitCodes!);
        Assert.Equal(1, settings.ParentDeathSignal);
        Assert.True(settings.Subreaper);
        Assert.Equal(LogLevel.Verbose, settings.LogLevel);
        Assert.Equal(LogFormat.Json, settings.LogFormat);
        Assert.True(settings.WarnOnReap);
    }

    [Fact]
    public void InitWinsOverCompatible()
    {
        var settings = Settings.None.Over(Init.Over(Compatible));

        Assert.Equal(SignalTarget.Group, settings.SignalTarget);
        Assert.False(settings.Subreaper);
        Assert.Equal(LogLevel.Debug, settings.LogLevel);
        Assert.Equal(Init, settings);
    }

    [Fact]
    public void CompatibleWinsOverDefaults()
    {
        var options = Settings.None.Over(Settings.None.Over(Compatible)).ToOptions(["x"]);

        Assert.Equal(SignalTarget.Child, options.SignalTarget);
        Assert.Equal(LogLevel.Error, options.LogLevel);
        Assert.Equal(InitOptions.DefaultKillTimeout, options.KillTimeout);
    }

    [Fact]
    public void ALowerSourceFillsOnlyWhatTheHigherLeftOut()
    {
        var higher = new Settings { KillTimeout = TimeSpan.FromSeconds(9) };

        var settings = higher.Over(Init);

        Assert.Equal(TimeSpan.FromSeconds(9), settings.KillTimeout);
        Assert.Equal(Init with { KillTimeout = TimeSpan.FromSeconds(9) }, settings);
    }

    [Fact]
    public void NoneOverNoneIsNone() => Assert.Equal(Settings.None, Settings.None.Over(Settings.None));

    [Fact]
    public void RewriteMapsMergeWithTheHigherSourceWinningPerSignal()
    {
        var flags = new Settings { Rewrites = Map((15, 1), (12, 2)) };
        var init = new Settings { Rewrites = Map((15, 3), (10, 0)) };

        var merged = flags.Over(init).Rewrites!;

        Assert.Equal(new Dictionary<int, int> { [15] = 1, [12] = 2, [10] = 0 }, merged.ToDictionary());
        Assert.Equal(3, init.Rewrites![15]);
    }

    [Fact]
    public void RewriteMapFromOneSideOnlyIsKept()
    {
        var map = Map((15, 3));

        Assert.Equal(map, new Settings { Rewrites = map }.Over(Settings.None).Rewrites);
        Assert.Equal(map, Settings.None.Over(new Settings { Rewrites = map }).Rewrites);
        Assert.Null(Settings.None.Over(Settings.None).Rewrites);
    }

    [Fact]
    public void SuccessExitCodesAreReplacedNotMerged() =>
        Assert.Equal([143], new Settings { SuccessExitCodes = new HashSet<int> { 143 } }
            .Over(new Settings { SuccessExitCodes = new HashSet<int> { 130 } }).SuccessExitCodes!);

    [Fact]
    public void Defaults()
    {
        var options = Settings.None.ToOptions(["app", "arg"]);

        Assert.Equal(["app", "arg"], options.Command);
        Assert.Equal(TimeSpan.FromSeconds(30), options.KillTimeout);
        Assert.Equal(SignalTarget.Group, options.SignalTarget);
        Assert.Equal(LogLevel.Warning, options.LogLevel);
        Assert.Equal(LogFormat.Text, options.LogFormat);
        Assert.True(options.Subreaper);
        Assert.False(options.WarnOnReap);
        Assert.Null(options.ParentDeathSignal);
        Assert.Empty(options.SuccessExitCodes);
        Assert.Empty(options.Rewrites.Entries);
    }

    [Fact]
    public void ToOptionsCarriesEverySetting()
    {
        var options = (Flags with { Rewrites = Map((15, 3)) }).ToOptions(["x"]);

        Assert.Equal(SignalTarget.Child, options.SignalTarget);
        Assert.Equal(TimeSpan.FromSeconds(1), options.KillTimeout);
        Assert.Equal([1], options.SuccessExitCodes);
        Assert.Equal(1, options.ParentDeathSignal);
        Assert.True(options.Subreaper);
        Assert.Equal(LogLevel.Verbose, options.LogLevel);
        Assert.Equal(LogFormat.Json, options.LogFormat);
        Assert.True(options.WarnOnReap);
        Assert.Equal(3, options.Rewrites.Apply(15));
        Assert.Equal(10, options.Rewrites.Apply(10));
    }

    [Fact]
    public void SubreaperCanBeTurnedOff() =>
        Assert.False(new Settings { Subreaper = false }.ToOptions(["x"]).Subreaper);

    /// <summary>The options init runs with, composed as Program does: flags over the environment.</summary>
    private static InitOptions FromCommandLineAndEnvironment(string[] args, Dictionary<string, string?> variables)
    {
        var commandLine = CommandLine.Parse(args);
        var env = variables.ToDictionary(v => v.Key, v => v.Value ?? "");
        return commandLine.Settings.Over(EnvironmentSettings.Read(env)).ToOptions(commandLine.Command);
    }

    [Fact]
    public void EndToEndFromCommandLineAndEnvironment()
    {
        var options = FromCommandLineAndEnvironment(["-r", "TERM:HUP", "-t", "5s", "app"], new()
        {
            ["INIT_REWRITE"] = "TERM:QUIT,USR1:0",
            ["INIT_KILL_TIMEOUT"] = "10s",
            ["INIT_LOG_LEVEL"] = "debug",
            ["DUMB_INIT_SETSID"] = "0",
            ["TINI_VERBOSITY"] = "0",
        });

        Assert.Equal(["app"], options.Command);
        Assert.Equal(TimeSpan.FromSeconds(5), options.KillTimeout);
        Assert.Equal(1, options.Rewrites.Apply(15));
        Assert.Equal(0, options.Rewrites.Apply(10));
        Assert.Equal(LogLevel.Debug, options.LogLevel);
        Assert.Equal(SignalTarget.Child, options.SignalTarget);
    }

    [Theory]
    [InlineData("-g", "INIT_SIGNAL_TARGET", "child", nameof(SignalTarget.Group))]
    [InlineData("--process-group", "DUMB_INIT_SETSID", "0", nameof(SignalTarget.Group))]
    [InlineData("-c", "INIT_SIGNAL_TARGET", "group", nameof(SignalTarget.Child))]
    [InlineData("--single-child", "TINI_KILL_PROCESS_GROUP", "", nameof(SignalTarget.Child))]
    public void SignalTargetFlagBeatsTheEnvironment(string flag, string key, string value, string expected) =>
        Assert.Equal(Enum.Parse<SignalTarget>(expected),
            FromCommandLineAndEnvironment([flag, "app"], new() { [key] = value }).SignalTarget);
}
