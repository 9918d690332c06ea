using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>
/// An init must never spin. Two scenarios once made it burn a core until the kill timeout (a deadline the
/// wait counted but no rule acted on during the shutdown): judged by init's own CPU time from /proc.
/// </summary>
public class NoSpinTests
{
    /// <summary>Far below a spin (a core for seconds), far above what start-up and a few signals cost.</summary>
    private static readonly TimeSpan MaxCpu = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void A_main_process_that_stops_pinging_the_watchdog_while_it_drains_costs_no_cpu()
    {
        // It pings twice (1 s), then drains after SIGTERM without pinging, until the kill timeout ends it.
        using var run = InitProcess.Start(Mode.Pid1, "--watchdog", "1s", "--ready", "notify", "-t", "3s",
            Artifacts.Probe, "notify", "--pings", "2", "--ignore-term");
        run.WaitForLine("notified");
        run.Signal(SIGTERM);
        run.WaitForLine("pings stopped");
        var cpu = ProcFs.CpuTimeUntil(run.InitPid, () => run.HasExited);
        Assert.Equal(128 + SIGKILL, run.WaitForExit(TimeSpan.FromSeconds(15)));
        Assert.True(cpu < MaxCpu, $"init used {cpu.TotalMilliseconds} ms of CPU\n{run.Output}");
    }

    [Fact]
    public void A_required_sidecar_that_missed_its_ready_timeout_and_stops_slowly_costs_no_cpu()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-t", "10s", Artifacts.Probe, "signals"], new Dictionary<string, string>
        {
            ["INIT_SIDECARS__db__COMMAND"] = $"{Artifacts.Probe} signals --ignore-term",
            ["INIT_SIDECARS__db__REQUIRED"] = "true",
            ["INIT_SIDECARS__db__READY"] = "notify",
            ["INIT_SIDECARS__db__READY_TIMEOUT"] = "300ms",
            ["INIT_SIDECARS__db__STOP_TIMEOUT"] = "3s",
        });
        var cpu = ProcFs.CpuTimeUntil(run.InitPid, () => run.HasExited);
        Assert.Equal(1, run.WaitForExit(TimeSpan.FromSeconds(15)));
        Assert.True(run.Elapsed > TimeSpan.FromSeconds(3), "the sidecar's stop timeout was not waited for");
        Assert.True(cpu < MaxCpu, $"init used {cpu.TotalMilliseconds} ms of CPU\n{run.Output}");
    }
}
