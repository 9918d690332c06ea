using System.Text.Json;
using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>`init status`, run where users run it: inside the container's PID namespace (nsenter here).</summary>
public class StatusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-status-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string> Env(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string> { ["INIT_RUNTIME_DIR"] = _dir };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }
        return env;
    }

    /// <summary>Runs `init status ARGS` inside the PID namespace of the init under test.</summary>
    private (int ExitCode, string Output) Status(InitProcess run, params string[] args) =>
        run.RunInside(["status", "--dir", _dir, .. args]);

    private void WaitForStatus(InitProcess run, Func<string, bool> condition)
    {
        var last = "";
        ProcFs.WaitUntil(() => condition(last = Status(run).Output), $"status shows what is expected; last:\n{last}");
    }

    [Fact]
    public void Status_lists_every_process_with_its_state_and_check_passes()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["--sidecar", $"worker={Artifacts.Probe} signals", Artifacts.Probe, "signals"], Env());
        run.WaitForReady();
        run.WaitForReady();
        WaitForStatus(run, s => s.Contains("worker", StringComparison.Ordinal));

        var (code, table) = Status(run);
        Assert.Equal(0, code);
        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains("RSS", lines[0]);
        Assert.Matches(@"^main\s+\d+\s+running\s+yes\s+0\s+\d+s\s+-\s+\d", lines[1]);
        Assert.Matches(@"^worker\s+\d+\s+running\s+yes\s+0\s", lines[2]);
        Assert.Equal((0, "ok"), (Status(run, "--check").ExitCode, Status(run, "--check").Output.Trim()));

        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
        Assert.False(File.Exists(Path.Combine(_dir, "status")), "the status file outlived init");
    }

    [Fact]
    public void Json_status_has_the_same_facts()
    {
        using var run = InitProcess.Start(Mode.Pid1, ["--sidecar", "crash=sh -c 'exit 3'", "--sidecar-option", "crash.restart_delay=1m",
            Artifacts.Probe, "signals"], Env());
        run.WaitForReady();
        WaitForStatus(run, s => s.Contains("restarting", StringComparison.Ordinal));

        var (code, json) = Status(run, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        var processes = doc.RootElement.GetProperty("processes").EnumerateArray().ToList();
        Assert.Equal(["main", "crash"], processes.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("running", processes[0].GetProperty("state").GetString());
        Assert.True(processes[0].GetProperty("rssBytes").GetInt64() > 0);
        Assert.Equal("restarting", processes[1].GetProperty("state").GetString());
        Assert.Equal(1, processes[1].GetProperty("restarts").GetInt32());
        Assert.Equal("exit code 3", processes[1].GetProperty("lastExit").GetString());
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Check_fails_while_a_required_sidecar_is_down()
    {
        using var run = InitProcess.Start(Mode.Pid1, [Artifacts.Probe, "signals"], Env(
            ("INIT_SIDECARS__db__COMMAND", "sh -c 'exit 1'"),
            ("INIT_SIDECARS__db__REQUIRED", "true"),
            ("INIT_SIDECARS__db__RESTART_DELAY", "1m")));
        run.WaitForReady();
        WaitForStatus(run, s => s.Contains("restarting", StringComparison.Ordinal));
        var (code, output) = Status(run, "--check");
        Assert.Equal(1, code);
        Assert.Contains("db is restarting", output);
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Status_without_a_running_init_says_so()
    {
        var (code, output) = InitProcess.Run(Mode.Subreaper, "status", "--dir", _dir);
        Assert.Equal(1, code);
        Assert.Contains("no status", output);
        Assert.Equal(2, InitProcess.Run(Mode.Subreaper, "status", "--bogus").ExitCode);
    }
}
