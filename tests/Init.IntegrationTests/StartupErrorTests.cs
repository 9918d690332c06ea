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

    /// <summary>
    /// The parser's messages are unit-tested (tests/Init.Tests/Options); this checks what only the binary
    /// shows: exit 2, the message as one line on stderr, and no child. "CMD" stands for a command that
    /// leaves a marker file if it ever runs.
    /// </summary>
    [Theory]
    [InlineData("--no-such-flag CMD", null, null, "unknown option '--no-such-flag'")]
    [InlineData("--kill-timeout=soon CMD", null, null, "--kill-timeout: 'soon' is not valid")]
    [InlineData("-c -g CMD", null, null, "conflict")]
    [InlineData("-v", null, null, "no command given")]
    [InlineData("CMD", "INIT_KILL_TIMEOUT", "abc", "INIT_KILL_TIMEOUT: 'abc' is not valid")]
    [InlineData("CMD", "TINI_VERBOSITY", "high", "TINI_VERBOSITY: 'high' is not valid")]
    public void Bad_input_exits_2_with_one_line_naming_it_and_starts_nothing(string args, string? key, string? value, string named)
    {
        var argv = args.Split(' ').SelectMany(a => a == "CMD" ? TouchMarker : [a]);
        var env = key is null ? null : new Dictionary<string, string> { [key] = value! };
        using var run = InitProcess.Start(Mode.Pid1, argv, env);
        Assert.Equal(2, run.WaitForExit());
        var line = Assert.Single(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("init: ", line);
        Assert.Contains(named, line);
        Assert.EndsWith("see init --help)", line);
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

    [Fact]
    public void Help_prints_usage_and_exits_0()
    {
        var (exit, output) = InitProcess.Run(Mode.Subreaper, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("Usage: init [options] [--] command [args...]", output);
        Assert.Contains("INIT_KILL_TIMEOUT", output);
    }

    [Fact]
    public void Version_prints_and_exits_0()
    {
        var (exit, output) = InitProcess.Run(Mode.Subreaper, "-V");
        Assert.Equal(0, exit);
        Assert.Matches(@"^init \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,}|unknown), \.NET \d+\.\d+\.\d+, linux-(x64|arm64)\)$", output.Trim());
    }
}
