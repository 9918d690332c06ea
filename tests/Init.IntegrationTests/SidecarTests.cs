using System.Diagnostics;
using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>Sidecars beside the main process, init as PID 1.</summary>
public class SidecarTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Probe => Artifacts.Probe;

    [Fact]
    public void A_crashing_sidecar_is_restarted_with_growing_delays()
    {
        using var run = InitProcess.Start(Mode.Pid1, [
            "--sidecar", "crasher=sh -c 'echo crashing; exit 1'",
            "--sidecar-option", "crasher.restart_delay=100ms", "--sidecar-option", "crasher.max_restarts=10",
            Probe, "signals"]);
        run.WaitForReady();
        run.WaitForLine(l => l.Contains("restart 1 in 100ms", StringComparison.Ordinal), what: "restart 1 in 100ms");
        run.WaitForLine(l => l.Contains("restart 2 in 200ms", StringComparison.Ordinal), what: "restart 2 in 200ms");
        run.WaitForLine(l => l.Contains("restart 3 in 400ms", StringComparison.Ordinal), what: "restart 3 in 400ms");
        run.WaitForLine(l => l.Contains("restart 4 in 800ms", StringComparison.Ordinal), what: "restart 4 in 800ms");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
        Assert.True(run.Output.Split('\n').Count(l => l == "crashing") >= 4, run.Output);
    }

    [Fact]
    public void Giving_up_with_exit_stops_everything_and_exits_non_zero()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["--kill-timeout", "5s", Probe, "signals"],
            new Dictionary<string, string>
            {
                ["INIT_SIDECARS__worker__COMMAND"] = "sh -c 'exit 3'",
                ["INIT_SIDECARS__worker__RESTART_DELAY"] = "50ms",
                ["INIT_SIDECARS__worker__MAX_RESTARTS"] = "2",
            });
        var main = run.WaitForReady();
        run.WaitForLine($"signal {SIGTERM} pid={main}");
        Assert.Equal(3, run.WaitForExit());
        Assert.Contains("giving up, stopping everything", run.Output);
    }

    [Fact]
    public void Giving_up_with_ignore_leaves_it_down_and_the_rest_running()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", Probe, "signals"],
            new Dictionary<string, string>
            {
                ["INIT_SIDECARS__worker__COMMAND"] = "sh -c 'exit 3'",
                ["INIT_SIDECARS__worker__RESTART_DELAY"] = "50ms",
                ["INIT_SIDECARS__worker__MAX_RESTARTS"] = "1",
                ["INIT_SIDECARS__worker__ON_GIVE_UP"] = "ignore",
            });
        var main = run.WaitForReady();
        run.WaitForLine(l => l.Contains("giving up, leaving it down", StringComparison.Ordinal), what: "giving up");
        run.Signal(SIGUSR1);
        run.WaitForLine($"signal {SIGUSR1} pid={main}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Main_exit_stops_sidecars_in_reverse_order_with_their_own_stop_signals()
    {
        var gate = Path.Combine(_dir, "gate");
        Assert.Equal(0, Mkfifo(gate, 0b110_000_000));
        using var run = InitProcess.Start(Mode.Pid1, [
            "--sidecar", $"first={Probe} signals --exit-on {SIGQUIT}", "--sidecar-option", "first.stop_signal=QUIT",
            "--sidecar", $"second={Probe} signals --exit-on {SIGUSR1}", "--sidecar-option", "second.stop_signal=USR1",
            "sh", "-c", $"read _ < '{gate}'; exit 4"]);
        var a = run.WaitForReady();
        var b = run.WaitForReady();
        using (File.OpenWrite(gate))
        {
        }
        Assert.Equal(4, run.WaitForExit());
        var lines = run.Output.Split('\n').ToList();
        var secondStopped = lines.FindIndex(l => l.StartsWith($"signal {SIGUSR1} pid=", StringComparison.Ordinal));
        var firstStopped = lines.FindIndex(l => l.StartsWith($"signal {SIGQUIT} pid=", StringComparison.Ordinal));
        Assert.True(secondStopped >= 0 && firstStopped > secondStopped, run.Output);
        Assert.Contains($"pid={(lines[secondStopped].EndsWith($"pid={a}", StringComparison.Ordinal) ? a : b)}", lines[secondStopped]);
        Assert.DoesNotContain("SIGKILL", run.Output);
    }

    [Fact]
    public void Sigterm_waits_for_the_shutdown_delay_before_stopping()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", Probe, "signals"],
            new Dictionary<string, string> { ["INIT_SHUTDOWN_DELAY"] = "1500ms" });
        var main = run.WaitForReady();
        var clock = Stopwatch.StartNew();
        run.Signal(SIGTERM);
        run.WaitForLine(l => l.Contains("keeps running for 1500ms", StringComparison.Ordinal), what: "the delay");
        run.WaitForLine($"signal {SIGTERM} pid={main}");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"stopped after {clock.Elapsed}");
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void A_second_sigterm_cuts_the_shutdown_delay_short()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", "--shutdown-delay", "60s", Probe, "signals"]);
        var main = run.WaitForReady();
        run.Signal(SIGTERM);
        run.WaitForLine(l => l.Contains("keeps running for 60s", StringComparison.Ordinal), what: "the delay");
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={main}");
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void A_missing_sidecar_command_is_reported_before_anything_starts()
    {
        var marker = Path.Combine(_dir, "started");
        var (exit, output) = InitProcess.Run(Mode.Pid1, "--sidecar", "w=no-such-sidecar-xyz", "touch", marker);
        Assert.Equal(127, exit);
        Assert.Contains("no-such-sidecar-xyz: command not found", output);
        Assert.Contains("sidecar w", output);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void A_missing_sidecar_working_directory_is_reported_before_anything_starts()
    {
        var marker = Path.Combine(_dir, "started");
        var missing = Path.Combine(_dir, "no-such-dir");
        var (exit, output) = InitProcess.Run(Mode.Pid1, "--sidecar", "w=sleep 10", "--sidecar-option", $"w.workdir={missing}",
            "touch", marker);
        Assert.Equal(127, exit);
        Assert.Contains($"{missing}: working directory not found, for sidecar w", output);
        Assert.DoesNotContain("command not found", output);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void A_sidecar_gets_its_working_directory_and_environment()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", Probe, "signals"],
            new Dictionary<string, string>
            {
                ["INIT_SIDECARS__env__COMMAND"] = "sh -c 'echo \"wd=$(pwd) mode=$MODE\"'",
                ["INIT_SIDECARS__env__RESTART"] = "never",
                ["INIT_SIDECARS__env__WORKDIR"] = _dir,
                ["INIT_SIDECARS__env__ENV__MODE"] = "batch",
            });
        run.WaitForReady();
        run.WaitForLine($"wd={_dir} mode=batch");
        run.WaitForLine(l => l.Contains("keeps it down", StringComparison.Ordinal), what: "not restarted");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Signals_other_than_shutdown_go_to_the_main_process_only()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["--sidecar", $"side={Probe} signals", Probe, "signals"]);
        var first = run.WaitForReady();
        var second = run.WaitForReady();
        run.Signal(SIGUSR1);
        var line = run.WaitForLine($"signal {SIGUSR1} ");
        var main = line.EndsWith($"pid={first}", StringComparison.Ordinal) ? first : second;
        var side = main == first ? second : first;
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={side}");
        Assert.Equal(0, run.WaitForExit());
        Assert.DoesNotContain($"signal {SIGUSR1} pid={side}", run.Output);
    }

    [Fact]
    public void A_sidecar_with_forward_signals_gets_them_too()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["--sidecar", $"side={Probe} signals", "--sidecar-option", "side.forward_signals=true",
            Probe, "signals"]);
        var first = run.WaitForReady();
        var second = run.WaitForReady();
        run.Signal(SIGHUP);
        run.WaitForLine($"signal {SIGHUP} pid={first}");
        run.WaitForLine($"signal {SIGHUP} pid={second}");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Shutdown_delay_forward_passes_sigterm_on_at_once_and_only_once()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", "--shutdown-delay", "2s", "--shutdown-delay-forward", "-t", "1s",
            Probe, "signals", "--ignore-term"]);
        var main = run.WaitForReady();
        var clock = Stopwatch.StartNew();
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={main}");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"SIGTERM reached the child after {clock.Elapsed}, not at once");
        // The probe ignores it: after the 2 s delay and the 1 s kill timeout it is killed; no second SIGTERM.
        Assert.Equal(137, run.WaitForExit());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), $"ended after {clock.Elapsed}");
        Assert.Single(run.Output.Split('\n'), l => l.StartsWith($"signal {SIGTERM} ", StringComparison.Ordinal));
    }
}
