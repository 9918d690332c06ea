using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

public class RewriteTests
{
    // Every spelling of a rewrite, and the flag winning over INIT_REWRITE per signal, are unit-tested
    // (CommandLineTests, ValueParsersTests, SettingsTests): here only what a rewrite does to a real child.
    [Fact]
    public void Rewrite_passes_on_the_other_signal()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-r", "USR1:USR2", Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        run.Signal(SIGUSR1);
        run.WaitForLine($"signal {SIGUSR2} pid={pid}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
        Assert.DoesNotContain($"signal {SIGUSR1} ", run.Output);
    }

    [Fact]
    public void Rewrite_to_zero_drops_the_signal()
    {
        // The runtime may hand init two signals in either order, so wait for init's own word on each.
        using var run = InitProcess.Start(Mode.Pid1, "-vv", "-r", "USR1:0", Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        run.Signal(SIGUSR1);
        run.WaitForLine(l => l.Contains("dropped SIGUSR1", StringComparison.Ordinal), what: "dropped SIGUSR1");
        run.Signal(SIGHUP);
        run.WaitForLine($"signal {SIGHUP} pid={pid}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
        Assert.DoesNotContain($"signal {SIGUSR1} ", run.Output);
    }

    [Fact]
    public void Sigterm_rewritten_still_arms_the_kill_timeout()
    {
        // nginx wants QUIT for a graceful stop; docker stop sends TERM. The timeout must still apply.
        using var run = InitProcess.Start(Mode.Pid1, "-r", "TERM:QUIT", "-t", "1s", Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGQUIT} pid={pid}");
        Assert.Equal(137, run.WaitForExit());
    }

    [Fact]
    public void Sigterm_dropped_does_not_shut_down()
    {
        using var run = InitProcess.Start(Mode.Pid1, "-vv", "-r", "TERM:0", "-t", "1s", Artifacts.Probe, "signals");
        var pid = run.WaitForReady();
        run.Signal(SIGTERM);
        run.WaitForLine(l => l.Contains("dropped SIGTERM", StringComparison.Ordinal), what: "dropped SIGTERM");
        run.Signal(SIGUSR1);
        run.WaitForLine($"signal {SIGUSR1} pid={pid}");
        Assert.DoesNotContain("shutting down", run.Output);
        Assert.False(run.HasExited);
        run.Signal(SIGINT);
        Assert.Equal(137, run.WaitForExit());
    }
}
