using System.Diagnostics;
using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

public class ShutdownTests
{
    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    [InlineData(Mode.PtyPid1)]
    public void A_child_ignoring_sigterm_is_killed_after_the_timeout(Mode mode)
    {
        using var run = InitProcess.Start(mode, "--kill-timeout", "2s", Artifacts.Probe, "signals", "--ignore-term");
        var pid = run.WaitForReady();
        var clock = Stopwatch.StartNew();
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        Assert.Equal(137, run.WaitForExit());
        var elapsed = clock.Elapsed;
        Assert.True(elapsed >= TimeSpan.FromSeconds(2), $"killed after {elapsed}, before the timeout");
        // "about timeout + 1 s"; the slack is for a loaded 2-core machine.
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
        var kill = run.Output.Split('\n').Single(l => l.Contains("SIGKILL", StringComparison.Ordinal));
        Assert.Contains("kill timeout 2s passed", kill);
        Assert.Contains("(probe)", kill);
    }

    [Fact]
    public void Sigint_starts_the_shutdown_too()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-t", "1s", Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        run.Signal(SIGINT);
        run.WaitForLine($"signal {SIGINT} pid={pid}");
        Assert.Equal(137, run.WaitForExit());
    }

    [Fact]
    public void A_second_sigterm_during_shutdown_is_forwarded_too()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-t", "5s", Artifacts.Probe, "signals", "--ignore-term");
        var pid = run.WaitForReady();
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        Assert.Equal(137, run.WaitForExit());
    }

    [Theory]
    [InlineData(Mode.Pid1)]
    [InlineData(Mode.Subreaper)]
    public void Grandchildren_left_behind_are_stopped_and_the_main_code_kept(Mode mode)
    {
        // A long kill timeout: the lingering sleep must end by init's SIGTERM, not by the SIGKILL.
        using var run = InitProcess.Start(mode, "-t", "60s", "sh", "-c", "sleep 1000 & echo bg $!; exit 5");
        var pid = int.Parse(run.WaitForLine("bg ").Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(5, run.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.DoesNotContain("SIGKILL", run.Output);
        if (mode == Mode.Subreaper)
        {
            Assert.Null(ProcFs.ReadStat(pid));
        }
    }

    [Fact]
    public void Grandchildren_ignoring_sigterm_are_killed_after_the_timeout()
    {
        // TERM is ignored before the fork, not in the background subshell: the shell exits at once, and init's
        // clean-up SIGTERM could reach the subshell before a trap of its own.
        using var run = InitProcess.Start(Mode.Pid1, "-t", "1s", "sh", "-c",
            $"trap '' TERM; '{Artifacts.Probe}' signals --ignore-term & exit 6");
        run.WaitForReady();
        Assert.Equal(6, run.WaitForExit());
        Assert.Contains("SIGKILL", run.Output);
    }

    [Fact]
    public void Main_child_exiting_with_nothing_left_ends_init_at_once()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-t", "60s", "sh", "-c", "exit 9");
        Assert.Equal(9, run.WaitForExit(TimeSpan.FromSeconds(20)));
        Assert.DoesNotContain("SIGKILL", run.Output);
    }

    [Fact]
    public void A_stopped_child_is_woken_to_act_on_sigterm()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-t", "10s", Artifacts.Probe, "signals", "--exit-code", "3");
        run.WaitForReady();
        var child = ProcFs.Descendants(run.InitPid).Single(s => s.Comm == "probe").Pid;
        run.Signal(SIGTSTP);
        ProcFs.WaitUntil(() => ProcFs.ReadStat(child)?.State == 'T', "the child is stopped");
        var clock = Stopwatch.StartNew();
        run.Signal(SIGTERM);
        Assert.Equal(3, run.WaitForExit());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}: woken only by the SIGKILL?");
    }

    [Fact]
    public void Leftovers_not_reaped_by_init_are_still_noticed_when_gone()
    {
        // With INIT_SUBREAPER=0 the lingering sleep is reparented past init; its death sends init no event.
        using var run = InitProcess.Start(Mode.Subreaper, ["-t", "20s", "sh", "-c", "sleep 100 & exit 3"],
            new Dictionary<string, string> { ["INIT_SUBREAPER"] = "0" });
        Assert.Equal(3, run.WaitForExit(TimeSpan.FromSeconds(15)));
        Assert.DoesNotContain("SIGKILL", run.Output);
    }
}
