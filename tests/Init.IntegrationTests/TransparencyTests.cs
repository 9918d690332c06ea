using System.Text.RegularExpressions;
using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>
/// The child sees what it would see without init, as under tini and dumb-init: no signal nobody sent, its
/// start directory (while init itself pins none), and in dumb-init's single-child mode nothing done to what
/// the main process leaves behind.
/// </summary>
public sealed partial class TransparencyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-transparency-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(Mode.Pid1, "-g")]
    [InlineData(Mode.Pid1, "-c")]
    [InlineData(Mode.Subreaper, "-g")]
    public void One_sigterm_reaches_a_running_child_as_one_sigterm_and_nothing_else(Mode mode, string target)
    {
        using var run = InitProcess.Start(mode, target, "-t", "1s", Artifacts.Probe, "signals", "--ignore-term");
        var pid = run.WaitForReady();
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        Assert.Equal(128 + SIGKILL, run.WaitForExit());
        Assert.Single(run.Output.Split('\n'), l => l.StartsWith("signal ", StringComparison.Ordinal));
    }

    [Fact]
    public void What_the_main_process_left_gets_sigterm_at_the_clean_up_and_nothing_else()
    {
        var go = Path.Combine(_dir, "go");
        using var run = InitProcess.Start(Mode.Pid1, "-t", "1s", "sh", "-c",
            "\"$0\" signals --ignore-term & while [ ! -e \"$1\" ]; do sleep 0.02; done; exit 3", Artifacts.Probe, go);
        var pid = run.WaitForReady();
        File.WriteAllText(go, "");
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        Assert.Equal(3, run.WaitForExit());
        Assert.Single(run.Output.Split('\n'), l => l.StartsWith("signal ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    public void The_child_starts_in_init_s_start_directory_while_init_itself_moves_to_root(Mode mode)
    {
        var go = Path.Combine(_dir, "go");
        using var run = InitProcess.Start(mode, ["sh", "-c", "pwd; while [ ! -e go ]; do sleep 0.02; done"], null,
            ["sh", "-c", "cd \"$0\" && exec \"$@\"", _dir]);
        run.WaitForLine(_dir);
        ProcFs.WaitUntil(() => ReadCwd(run.InitPid) == "/", "init's working directory is /");
        File.WriteAllText(go, "");
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void A_relative_command_and_workdir_are_relative_to_the_start_directory()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.Copy(Artifacts.Probe, Path.Combine(_dir, "probe-copy"));
        using var run = InitProcess.Start(Mode.Subreaper, ["./probe-copy", "status"],
            new Dictionary<string, string>
            {
                ["INIT_SIDECARS__w__COMMAND"] = "sh -c 'pwd; sleep 30'",
                ["INIT_SIDECARS__w__WORKDIR"] = "sub",
            },
            ["sh", "-c", "cd \"$0\" && exec \"$@\"", _dir]);
        Assert.Equal(0, run.WaitForExit());
        Assert.Contains(Path.Combine(_dir, "sub"), run.Output);
        Assert.Contains("SigBlk:", run.Output);
    }

    [Fact]
    public void Single_child_mode_not_as_pid_1_leaves_what_the_main_process_left_alone_as_dumb_init_does()
    {
        using var run = InitProcess.Start(Mode.Subreaper, "-c", "sh", "-c", "\"$0\" signals & sleep 0.3; exit 5", Artifacts.Probe);
        var leftover = run.WaitForReady();
        try
        {
            // The leftover still holds init's stdout: wait for init's exit itself, not for the end of its output.
            ProcFs.WaitUntil(() => run.HasExited, "init has exited");
            Assert.True(ProcFs.ReadStat(leftover) is { State: not 'Z' }, "the leftover was killed");
        }
        finally
        {
            Kill(leftover, SIGKILL);
        }
        Assert.Equal(5, run.WaitForExit());
        Assert.DoesNotContain($"signal {SIGTERM}", run.Output);
    }

    [Fact]
    public void Empty_variables_mean_not_set()
    {
        using var run = InitProcess.Start(Mode.Subreaper, ["sh", "-c", "exit 4"], new Dictionary<string, string>
        {
            ["DUMB_INIT_SETSID"] = "", ["INIT_KILL_TIMEOUT"] = "", ["TINI_VERBOSITY"] = "", ["INIT_SIGNAL_TARGET"] = "",
            ["INIT_SIDECARS__w__RESTART"] = "", ["INIT_NO_SUCH_THING"] = "",
        });
        Assert.Equal(4, run.WaitForExit());
        Assert.Equal("", run.Output.Trim());
    }

    [Fact]
    public void Warn_on_reap_says_reaped_zombie_and_the_pid_as_tini_users_grep_for()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-w", Artifacts.Probe, "orphans", "3");
        Assert.Equal(0, run.WaitForExit());
        Assert.Equal(3, run.Output.Split('\n').Count(l => ReapedZombie().IsMatch(l)));
    }

    [Fact]
    public void An_executable_script_without_a_shebang_runs_with_bin_sh_as_under_tini()
    {
        var script = Path.Combine(_dir, "no-shebang");
        File.WriteAllText(script, "echo \"ran with $# args: $1\"\nexit 6\n");
        Artifacts.Run("chmod", ["+x", script]);
        using var run = InitProcess.Start(Mode.Subreaper, script, "one");
        Assert.Equal(6, run.WaitForExit());
        Assert.Contains("ran with 1 args: one", run.Output);
    }

    [Fact]
    public void An_empty_command_is_not_found_as_under_tini()
    {
        using var run = InitProcess.Start(Mode.Subreaper, "--", "");
        Assert.Equal(127, run.WaitForExit());
        Assert.Contains("No such file or directory", run.Output);
    }

    private static string? ReadCwd(int pid)
    {
        try
        {
            return new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"reaped zombie pid \d+")]
    private static partial Regex ReapedZombie();

    /// <summary>
    /// Started as a user in a directory that user may not search (setpriv from root's 0700 directory), init
    /// cannot enter it again once it has left it: it stays, and the child inherits it, as under tini (which
    /// never moves). It used to fail the child's chdir and report "cannot execute (Permission denied)", 126.
    /// </summary>
    [TiniFact]
    public void A_start_directory_the_user_may_not_search_is_kept_as_tini_keeps_it()
    {
        var closed = Path.Combine(_dir, "closed");
        var bin = Path.Combine(_dir, "bin");
        Directory.CreateDirectory(closed);
        Directory.CreateDirectory(bin);
        File.Copy(Artifacts.Init, Path.Combine(bin, "init"));
        Artifacts.Run("chmod", ["755", _dir, bin, Path.Combine(bin, "init")]);
        Artifacts.Run("chmod", ["700", closed]);
        foreach (var init in new[] { Path.Combine(bin, "init"), ReferenceInits.Tini })
        {
            using var run = InitProcess.StartCommand("sh",
                ["-c", "cd \"$1\" && exec setpriv --reuid=64124 --regid=64124 --clear-groups \"$2\" -- /bin/sh -c 'exit 7'",
                    "sh", closed, init]);
            Assert.True(run.WaitForExit() == 7, $"{init}: {run.Output}");
        }
    }
}
