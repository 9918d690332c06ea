using System.Text.Json;
using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>Readiness (sd_notify, TCP, file) gating the main start, and the notify watchdog, init as PID 1.</summary>
public class ReadinessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-ready-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Probe => Artifacts.Probe;

    private static int IndexOf(string output, string text) =>
        output.Split('\n').ToList().FindIndex(l => l.Contains(text, StringComparison.Ordinal));

    [Fact]
    public void A_required_sidecar_speaking_sd_notify_is_ready_before_the_main_process_starts()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["-v", "--sidecar", $"db={Probe} notify --delay-ms 300",
            "--sidecar-option", "db.ready=notify", "--sidecar-option", "db.required=true", "--", Probe, "signals"],
            new Dictionary<string, string> { ["INIT_RUNTIME_DIR"] = _dir });
        run.WaitForLine("notified");
        run.WaitForReady();
        run.WaitForReady();
        // Both lines are init's (stderr), so their order in the output is the order init wrote them.
        run.WaitForLine(l => l.Contains("started main process", StringComparison.Ordinal), what: "main started");
        var output = run.Output;
        var ready = IndexOf(output, "is ready");
        var mainStarted = IndexOf(output, "started main process");
        Assert.True(ready >= 0 && mainStarted > ready, output);
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    /// <summary>A main process that would touch <paramref name="marker"/>, behind a REQUIRED sidecar that never
    /// sends READY=1.</summary>
    private InitProcess StartBehindADbNeverReady(out string marker, params (string Key, string Value)[] extra)
    {
        marker = Path.Combine(_dir, "main-started");
        var env = new Dictionary<string, string>
        {
            ["INIT_RUNTIME_DIR"] = _dir,
            ["INIT_SIDECARS__db__COMMAND"] = $"{Probe} signals",
            ["INIT_SIDECARS__db__READY"] = "notify",
            ["INIT_SIDECARS__db__REQUIRED"] = "true",
        };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }
        return InitProcess.Start(Mode.Pid1, ["touch", marker], env);
    }

    [Fact]
    public void A_required_sidecar_never_ready_stops_init_before_the_main_process_starts()
    {
        using var run = StartBehindADbNeverReady(out var marker, ("INIT_SIDECARS__db__READY_TIMEOUT", "500ms"));
        Assert.Equal(1, run.WaitForExit());
        Assert.Contains("is required but not ready after 500ms", run.Output);
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void Sigterm_while_waiting_for_a_required_sidecar_exits_143_without_starting_the_main_process()
    {
        using var run = StartBehindADbNeverReady(out var marker);
        run.WaitForReady();
        run.Signal(SIGTERM);
        Assert.Equal(143, run.WaitForExit());
        Assert.False(File.Exists(marker));
    }

    [Fact]
    public void Tcp_readiness_waits_for_the_port_to_accept()
    {
        var port = LoopbackPort.Free();
        using var run = InitProcess.Start(Mode.Pid1, ["-v", "--sidecar", $"api={Probe} listen {port} --delay-ms 300",
            "--sidecar-option", $"api.ready=tcp:{port}", "--sidecar-option", "api.required=true", "--", Probe, "signals"]);
        run.WaitForLine("listening");
        run.WaitForReady();
        run.WaitForReady();
        // Both lines are init's (stderr), so their order in the output is the order init wrote them.
        run.WaitForLine(l => l.Contains("started main process", StringComparison.Ordinal), what: "main started");
        var output = run.Output;
        Assert.True(IndexOf(output, "is ready") < IndexOf(output, "started main process"), output);
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void File_readiness_waits_for_the_file()
    {
        var flag = Path.Combine(_dir, "ready-flag");
        using var run = InitProcess.Start(Mode.Pid1, ["-v", "--sidecar", $"cache=sh -c 'sleep 0.3; touch {flag}; exec {Probe} signals'",
            "--sidecar-option", $"cache.ready=file:{flag}", "--sidecar-option", "cache.required=true", "--", Probe, "signals"]);
        run.WaitForReady();
        run.WaitForReady();
        // Both lines are init's (stderr), so their order in the output is the order init wrote them.
        run.WaitForLine(l => l.Contains("started main process", StringComparison.Ordinal), what: "main started");
        var output = run.Output;
        Assert.True(IndexOf(output, "is ready") >= 0 && IndexOf(output, "is ready") < IndexOf(output, "started main process"), output);
        Assert.True(File.Exists(flag));
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void A_sidecar_that_stops_pinging_the_watchdog_is_killed_and_restarted()
    {
        using var run = InitProcess.Start(Mode.Pid1, [Probe, "signals"], new Dictionary<string, string>
        {
            ["INIT_RUNTIME_DIR"] = _dir,
            ["INIT_SIDECARS__w__COMMAND"] = $"{Probe} notify --pings 3",
            ["INIT_SIDECARS__w__WATCHDOG"] = "400ms",
            ["INIT_SIDECARS__w__RESTART_DELAY"] = "100ms",
        });
        run.WaitForLine("pings stopped");
        run.WaitForLine(l => l.Contains("sent no WATCHDOG=1 for 400ms: killing it", StringComparison.Ordinal), what: "watchdog");
        run.WaitForLine(l => l.Contains("killed by SIGKILL", StringComparison.Ordinal) && l.Contains("restart 1", StringComparison.Ordinal),
            what: "the restart");
        run.WaitForLine("notified");
        run.WaitForLine("notified");
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Status_text_and_readiness_show_in_init_status()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["--ready", "notify", "--", Probe, "notify"],
            new Dictionary<string, string> { ["INIT_RUNTIME_DIR"] = _dir });
        run.WaitForLine("notified");
        // Read where users read it: `init status --json` inside the container's PID namespace.
        var json = "";
        ProcFs.WaitUntil(() => (json = StatusJson(run)).Contains("\"ready\": true", StringComparison.Ordinal), "main is ready");
        using var doc = JsonDocument.Parse(json);
        var main = doc.RootElement.GetProperty("processes")[0];
        Assert.Equal("serving", main.GetProperty("status").GetString());
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    private string StatusJson(InitProcess run) => run.RunInside("status", "--json", "--dir", _dir).Output;
}
