using Init.IntegrationTests.Harness;

namespace Init.IntegrationTests;

/// <summary>Bad input: one clear line naming what was wrong, a documented exit code, and nothing started.</summary>
public class StartupErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Marker => Path.Combine(_dir, "started");

    private string[] TouchMarker => ["touch", Marker];

    [Fact]
    public void Command_not_found_exits_127_and_names_it()
    {
        var (exit, output) = InitProcess.Run(Mode.Pid1, "--", "no-such-command-xyz", "arg");
        Assert.Equal(127, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no-such-command-xyz", line);
        Assert.Contains("not found", line);
    }

    [Fact]
    public void Command_not_executable_exits_126()
    {
        var script = Path.Combine(_dir, "not-executable.sh");
        File.WriteAllText(script, "#!/bin/sh\nexit 0\n");
        var (exit, output) = InitProcess.Run(Mode.Pid1, script);
        Assert.Equal(126, exit);
        Assert.Contains(script, Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void A_directory_is_not_executable()
    {
        Assert.Equal(126, InitProcess.Run(Mode.Subreaper, _dir).ExitCode);
    }

    [Theory]
    [InlineData("--no-such-flag", "'--no-such-flag'")]
    [InlineData("-x", "'-x'")]
    [InlineData("--kill-timeout=soon", "'soon'")]
    [InlineData("-t", "-t")]
    [InlineData("-r", "-r")]
    [InlineData("--rewrite=TERM", "'TERM'")]
    [InlineData("--rewrite=KILL:TERM", "SIGKILL")]
    [InlineData("-e 256", "'256'")]
    [InlineData("-p NOPE", "'NOPE'")]
    [InlineData("-c -g", "conflict")]
    [InlineData("--log-format=xml", "'xml'")]
    public void Bad_flags_exit_2_with_one_line_and_start_nothing(string flags, string named)
    {
        var args = flags.Split(' ').Concat(TouchMarker).ToArray();
        var (exit, output) = InitProcess.Run(Mode.Pid1, args);
        Assert.Equal(2, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line);
        Assert.Contains("init --help", line);
        Assert.False(File.Exists(Marker), "a child was started");
    }

    [Fact]
    public void No_command_exits_2()
    {
        var (exit, output) = InitProcess.Run(Mode.Subreaper);
        Assert.Equal(2, exit);
        Assert.Contains("no command", output);
    }

    [Theory]
    [InlineData("INIT_KILL_TIMEOUT", "abc", "abc")]
    [InlineData("INIT_SIGNAL_TARGET", "everyone", "everyone")]
    [InlineData("INIT_REWRITE", "FOO:BAR", "FOO:BAR")]
    [InlineData("INIT_SUBREAPER", "maybe", "maybe")]
    [InlineData("INIT_LOG_LEVEL", "loud", "loud")]
    [InlineData("INIT_SUCCESS_EXIT_CODES", "1,x", "x")]
    [InlineData("TINI_VERBOSITY", "high", "high")]
    [InlineData("DUMB_INIT_SETSID", "2", "2")]
    public void Bad_environment_values_exit_2_naming_the_variable(string key, string value, string named)
    {
        using var run = InitProcess.Start(Mode.Pid1, TouchMarker, new Dictionary<string, string> { [key] = value });
        Assert.Equal(2, run.WaitForExit());
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line);
        Assert.Contains($"'{named}'", line);
        Assert.False(File.Exists(Marker), "a child was started");
    }

    [Fact]
    public void Unknown_init_variable_is_a_warning_only()
    {
        using var run = InitProcess.Start(Mode.Pid1, TouchMarker, new Dictionary<string, string> { ["INIT_KILLTIMEOUT"] = "5s" });
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains("INIT_KILLTIMEOUT", run.Output);
        Assert.True(File.Exists(Marker));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_prints_usage_and_exits_0(string flag)
    {
        var (exit, output) = InitProcess.Run(Mode.Subreaper, flag);
        Assert.Equal(0, exit);
        Assert.Contains("Usage: init [options] [--] command [args...]", output);
        Assert.Contains("INIT_KILL_TIMEOUT", output);
    }

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    public void Version_prints_and_exits_0(string flag)
    {
        var (exit, output) = InitProcess.Run(Mode.Subreaper, flag);
        Assert.Equal(0, exit);
        Assert.Matches(@"^init \d+\.\d+\.\d+$", output.Trim());
    }
}
