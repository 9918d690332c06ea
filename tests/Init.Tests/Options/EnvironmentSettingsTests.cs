using System.Runtime.InteropServices;
using Init.Logging;
using Init.Options;
using Init.Posix;
using Xunit;

namespace Init.Tests.Options;

public class EnvironmentSettingsTests
{
    /// <summary>Variables as the process would have them; "A:B" in a name is written "A__B" (as in a manifest).</summary>
    private static IReadOnlyDictionary<string, string> Env(params (string Key, string Value)[] variables) =>
        variables.ToDictionary(v => v.Key.Replace(":", "__", StringComparison.Ordinal), v => v.Value);

    [Fact]
    public void NothingSetSaysNothing()
    {
        Assert.Equal(Settings.None, EnvironmentSettings.Read(Env()));
        Assert.Equal(Settings.None, EnvironmentSettings.Read(Env(("PATH", "/bin"), ("TINIX", "1"))));
    }

    [Fact]
    public void EveryInitKeyIsRead()
    {
        var settings = EnvironmentSettings.ReadInit(Env(
            ("INIT_SUBREAPER", "0"),
            ("INIT_SIGNAL_TARGET", "child"),
            ("INIT_KILL_TIMEOUT", "5s"),
            ("INIT_REWRITE", "TERM:QUIT, USR1:0"),
            ("INIT_SUCCESS_EXIT_CODES", "143,130"),
            ("INIT_PARENT_DEATH_SIGNAL", "KILL"),
            ("INIT_LOG_LEVEL", "debug"),
            ("INIT_LOG_FORMAT", "json"),
            ("INIT_WARN_ON_REAP", "yes"),
            ("INIT_SHUTDOWN_DELAY", "3s"),
            ("INIT_SHUTDOWN_DELAY_FORWARD", "on"),
            ("INIT_READY", "notify"),
            ("INIT_WATCHDOG", "20s")));

        Assert.False(settings.Subreaper);
        Assert.Equal(SignalTarget.Child, settings.SignalTarget);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.KillTimeout);
        Assert.Equal(new Dictionary<int, int> { [15] = 3, [10] = 0 }, settings.Rewrites!.ToDictionary());
        Assert.Equal([130, 143], settings.SuccessExitCodes!.Order());
        Assert.Equal(9, settings.ParentDeathSignal);
        Assert.Equal(LogLevel.Debug, settings.LogLevel);
        Assert.Equal(LogFormat.Json, settings.LogFormat);
        Assert.True(settings.WarnOnReap);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.ShutdownDelay);
        Assert.True(settings.ForwardDuringDelay);
        Assert.Equal(new Readiness.Notify(), settings.MainReady);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.MainWatchdog);
    }

    [Fact]
    public void TheRuntimeDirectoryIsKnownButNotASetting() =>
        Assert.Equal(Settings.None, EnvironmentSettings.Read(Env(("INIT_RUNTIME_DIR", "/tmp/x"))));

    [Theory]
    [InlineData("INIT_SUBREAPER", "1", true)]
    [InlineData("INIT_SUBREAPER", "off", false)]
    [InlineData("INIT_WARN_ON_REAP", "TRUE", true)]
    [InlineData("INIT_WARN_ON_REAP", "no", false)]
    public void Booleans(string key, string value, bool expected)
    {
        var settings = EnvironmentSettings.ReadInit(Env((key, value)));

        Assert.Equal(expected, key == "INIT_SUBREAPER" ? settings.Subreaper : settings.WarnOnReap);
    }

    [Theory]
    [InlineData("group", nameof(SignalTarget.Group))]
    [InlineData("Child", nameof(SignalTarget.Child))]
    public void SignalTargetValues(string value, string expected) =>
        Assert.Equal(Enum.Parse<SignalTarget>(expected), EnvironmentSettings.ReadInit(Env(("INIT_SIGNAL_TARGET", value))).SignalTarget);

    [Theory]
    [InlineData("INIT_SUBREAPER", "maybe")]
    [InlineData("INIT_SIGNAL_TARGET", "pid")]
    [InlineData("INIT_KILL_TIMEOUT", "forever")]
    [InlineData("INIT_KILL_TIMEOUT", "-1s")]
    [InlineData("INIT_REWRITE", "TERM")]
    [InlineData("INIT_REWRITE", "TERM:FOO")]
    [InlineData("INIT_SUCCESS_EXIT_CODES", "256")]
    [InlineData("INIT_SUCCESS_EXIT_CODES", "-1")]
    [InlineData("INIT_PARENT_DEATH_SIGNAL", "FOO")]
    [InlineData("INIT_PARENT_DEATH_SIGNAL", "0")]
    [InlineData("INIT_LOG_LEVEL", "loud")]
    [InlineData("INIT_LOG_FORMAT", "xml")]
    [InlineData("INIT_WARN_ON_REAP", "2")]
    [InlineData("INIT_SHUTDOWN_DELAY", "soon")]
    [InlineData("INIT_SHUTDOWN_DELAY_FORWARD", "always")]
    [InlineData("INIT_READY", "http:80")]
    [InlineData("INIT_WATCHDOG", "2d")]
    [InlineData("TINI_VERBOSITY", "high")]
    [InlineData("TINI_VERBOSITY", "-1")]
    public void BadValueNamesVariableAndValue(string key, string value)
    {
        var e = Assert.Throws<UsageException>(() => EnvironmentSettings.Read(Env((key, value))));

        Assert.StartsWith(key + ":", e.Message);
        Assert.Contains($"'{value}'", e.Message);
    }

    [Theory]
    [InlineData("TERM:QUIT,INT:TERM 300:1", "'300:1'")]
    [InlineData("0,256", "'256'")]
    public void BadItemInAListIsNamed(string value, string named)
    {
        var key = value.Contains(':') ? "INIT_REWRITE" : "INIT_SUCCESS_EXIT_CODES";

        var e = Assert.Throws<UsageException>(() => EnvironmentSettings.Read(Env((key, value))));

        Assert.StartsWith(key + ":", e.Message);
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void RewriteOfANonForwardableSignalNamesVariableAndSignal()
    {
        var e = Assert.Throws<UsageException>(() => EnvironmentSettings.Read(Env(("INIT_REWRITE", "KILL:TERM"))));

        Assert.StartsWith("INIT_REWRITE:", e.Message);
        Assert.Contains("SIGKILL", e.Message);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    public void TiniSubreaperSetToAnythingTurnsItOn(string value) =>
        Assert.True(EnvironmentSettings.Read(Env(("TINI_SUBREAPER", value))).Subreaper);

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    public void TiniKillProcessGroupSetToAnythingMeansGroup(string value) =>
        Assert.Equal(SignalTarget.Group, EnvironmentSettings.Read(Env(("TINI_KILL_PROCESS_GROUP", value))).SignalTarget);

    /// <summary>`value: ""` in a manifest, `docker run -e VAR=`: the variable is not set.</summary>
    [Theory]
    [InlineData("TINI_SUBREAPER")]
    [InlineData("TINI_KILL_PROCESS_GROUP")]
    [InlineData("TINI_VERBOSITY")]
    [InlineData("DUMB_INIT_SETSID")]
    [InlineData("INIT_KILL_TIMEOUT")]
    [InlineData("INIT_SIGNAL_TARGET")]
    [InlineData("INIT_SUBREAPER")]
    [InlineData("INIT_REWRITE")]
    [InlineData("INIT_LOG_LEVEL")]
    [InlineData("INIT_READY")]
    public void AnEmptyValueMeansNotSet(string key) =>
        Assert.Equal(Settings.None, EnvironmentSettings.Read(Env((key, ""))));

    [Fact]
    public void AnEmptySidecarSettingMeansNotSetAndAnEmptyUnknownVariableIsNotReported()
    {
        var env = Env(("INIT_SIDECARS:w:COMMAND", "sleep 1"), ("INIT_SIDECARS:w:RESTART", ""), ("INIT_TYPO", ""));

        var sidecar = Assert.Single(EnvironmentSettings.Read(env).Sidecars!);
        Assert.False(sidecar.Values.ContainsKey("RESTART"));
        Assert.Empty(EnvironmentSettings.UnknownInitKeys(env));
    }

    /// <summary>As dumb-init reads it: only 0 turns the group off.</summary>
    [Theory]
    [InlineData("0", nameof(SignalTarget.Child))]
    [InlineData(" 0 ", nameof(SignalTarget.Child))]
    [InlineData("1", nameof(SignalTarget.Group))]
    [InlineData("false", nameof(SignalTarget.Group))]
    [InlineData("2", nameof(SignalTarget.Group))]
    public void DumbInitSetsid(string value, string expected) =>
        Assert.Equal(Enum.Parse<SignalTarget>(expected), EnvironmentSettings.Read(Env(("DUMB_INIT_SETSID", value))).SignalTarget);

    [Fact]
    public void BadTiniVerbositySaysWhatItTakes() =>
        Assert.Equal(
            "TINI_VERBOSITY: 'high' is not valid; expected a number, 0 (errors only) to 4 (trace)",
            Assert.Throws<UsageException>(() => EnvironmentSettings.Read(Env(("TINI_VERBOSITY", "high")))).Message);

    [Fact]
    public void TiniKillProcessGroupWinsOverDumbInitSetsid() =>
        Assert.Equal(SignalTarget.Group, EnvironmentSettings.ReadCompatible(Env(
            ("DUMB_INIT_SETSID", "0"), ("TINI_KILL_PROCESS_GROUP", "1"))).SignalTarget);

    [Theory]
    [InlineData("0", LogLevel.Error)]
    [InlineData("1", LogLevel.Warning)]
    [InlineData("2", LogLevel.Information)]
    [InlineData("3", LogLevel.Debug)]
    [InlineData("4", LogLevel.Verbose)]
    public void TiniVerbosity(string value, LogLevel expected) =>
        Assert.Equal(expected, EnvironmentSettings.Read(Env(("TINI_VERBOSITY", value))).LogLevel);

    [Fact]
    public void CompatibleSpellingsAreOnlyReadByReadCompatible()
    {
        var env = Env(("TINI_SUBREAPER", "1"), ("DUMB_INIT_SETSID", "0"), ("TINI_VERBOSITY", "3"));

        Assert.Equal(Settings.None, EnvironmentSettings.ReadInit(env));
        var compatible = EnvironmentSettings.ReadCompatible(env);
        Assert.True(compatible.Subreaper);
        Assert.Equal(SignalTarget.Child, compatible.SignalTarget);
        Assert.Equal(LogLevel.Debug, compatible.LogLevel);
    }

    [Fact]
    public void InitKeysBeatCompatibleSpellings()
    {
        var settings = EnvironmentSettings.Read(Env(
            ("INIT_SUBREAPER", "0"), ("TINI_SUBREAPER", "1"),
            ("INIT_SIGNAL_TARGET", "child"), ("TINI_KILL_PROCESS_GROUP", "1"),
            ("INIT_LOG_LEVEL", "error"), ("TINI_VERBOSITY", "4")));

        Assert.False(settings.Subreaper);
        Assert.Equal(SignalTarget.Child, settings.SignalTarget);
        Assert.Equal(LogLevel.Error, settings.LogLevel);
    }

    [Fact]
    public void InitGroupBeatsDumbInitSetsid() =>
        Assert.Equal(SignalTarget.Group, EnvironmentSettings.Read(Env(
            ("INIT_SIGNAL_TARGET", "group"), ("DUMB_INIT_SETSID", "0"))).SignalTarget);

    [Fact]
    public void CompatibleSpellingsFillWhatInitKeysLeaveOut()
    {
        var settings = EnvironmentSettings.Read(Env(
            ("INIT_KILL_TIMEOUT", "3s"), ("TINI_SUBREAPER", "1"), ("DUMB_INIT_SETSID", "0"), ("TINI_VERBOSITY", "2")));

        Assert.Equal(TimeSpan.FromSeconds(3), settings.KillTimeout);
        Assert.True(settings.Subreaper);
        Assert.Equal(SignalTarget.Child, settings.SignalTarget);
        Assert.Equal(LogLevel.Information, settings.LogLevel);
    }

    [Fact]
    public void UnknownInitKeysAreReportedAsWritten()
    {
        var env = Env(
            ("INIT_FOO", "1"),
            ("INIT_SIDECARS:x:COMMAND", "sleep"),
            ("INIT_KILL_TIMEOUT", "1s"),
            ("INIT_LOG_LEVEL", "info"),
            ("TINI_SUBREAPER", ""),
            ("PATH", "/bin"),
            ("INITIAL", "1"),
            ("MY_INIT_X", "1"));

        // Sidecar settings are read (and checked) as INIT_SIDECARS__NAME__KEY; they are not unknown.
        Assert.Equal(["INIT_FOO"], EnvironmentSettings.UnknownInitKeys(env));
    }

    [Fact]
    public void UnknownInitKeysAreSorted() =>
        Assert.Equal(["INIT_A", "INIT_B", "INIT_C"],
            EnvironmentSettings.UnknownInitKeys(Env(("INIT_C", "1"), ("INIT_A", "1"), ("INIT_B", "1"))));

    [Fact]
    public void NoKnownKeyIsReportedUnknown()
    {
        var env = Env(EnvironmentSettings.KnownInitKeys.Select(k => (k, "x")).ToArray());

        Assert.Empty(EnvironmentSettings.UnknownInitKeys(env));
    }

    [Fact]
    public void KnownKeysAreTheOnesRead() =>
        Assert.Equal(
            [
                "INIT_KILL_TIMEOUT", "INIT_LOG_FORMAT", "INIT_LOG_LEVEL", "INIT_PARENT_DEATH_SIGNAL", "INIT_READY",
                "INIT_REWRITE", "INIT_RUNTIME_DIR", "INIT_SHUTDOWN_DELAY", "INIT_SHUTDOWN_DELAY_FORWARD", "INIT_SIGNAL_TARGET", "INIT_SUBREAPER",
                "INIT_SUCCESS_EXIT_CODES", "INIT_WARN_ON_REAP", "INIT_WATCHDOG",
            ],
            EnvironmentSettings.KnownInitKeys.Order(StringComparer.Ordinal));

    [Fact]
    public void DoubleUnderscoreAndOddBytesSurviveTheEnvironmentAsTheProcessHasIt()
    {
        // As environ holds it: the names as written, a value that is not UTF-8, a name given twice.
        var env = FromEnviron(
            [.. "INIT_TESTS_UNKNOWN__X__COMMAND=sleep"u8],
            [.. "INIT_SIDECARS__w__COMMAND=probe args "u8, 0xff, 0xfe],
            [.. "INIT_SIDECARS__w__COMMAND=second"u8]);

        Assert.Contains("INIT_TESTS_UNKNOWN__X__COMMAND", EnvironmentSettings.UnknownInitKeys(env));
        Assert.Equal([.. "probe args "u8, 0xff, 0xfe], ExactText.Encode(env["INIT_SIDECARS__w__COMMAND"]));
    }

    [Fact]
    public void OnlyVariablesNamedAsInitsAreRead()
    {
        var env = FromEnviron(
            [.. "PATH=/usr/bin"u8], [.. "KUBERNETES_SERVICE_HOST=10.96.0.1"u8], [.. "INIT=1"u8], [.. "init_log_level=debug"u8],
            [.. "INIT_LOG_LEVEL=debug"u8], [.. "DUMB_INIT_SETSID=0"u8], [.. "TINI_SUBREAPER"u8], [.. "TINIX=1"u8]);

        Assert.Equal(["DUMB_INIT_SETSID", "INIT_LOG_LEVEL", "TINI_SUBREAPER"], env.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryVariableInitReadsIsNamedWithOneOfItsPrefixes()
    {
        var names = OptionTable.Variables.Concat(OptionTable.CompatibleVariables).Select(v => v.Key)
            .Append(SidecarSpecs.EnvPrefix + "__").Append(EnvironmentSettings.RuntimeDirKey).Append(Init.Status.RuntimeDirectory.EnvKey);

        Assert.All(names, name => Assert.Contains(EnvironmentSettings.Prefixes, p => name.StartsWith(p, StringComparison.Ordinal)));
    }

    /// <summary>Variables read from an environ array holding exactly these entries.</summary>
    private static unsafe IReadOnlyDictionary<string, string> FromEnviron(params byte[][] entries)
    {
        var terminated = entries.Select(e => (byte[])[.. e, 0]).ToList();
        var pinned = terminated.Select(e => GCHandle.Alloc(e, GCHandleType.Pinned)).ToList();
        try
        {
            var environ = stackalloc byte*[entries.Length + 1];
            for (var i = 0; i < entries.Length; i++)
            {
                environ[i] = (byte*)pinned[i].AddrOfPinnedObject();
            }
            environ[entries.Length] = null;
            return ProcessStrings.Variables(environ, EnvironmentSettings.Prefixes);
        }
        finally
        {
            pinned.ForEach(p => p.Free());
        }
    }
}
