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
    private (int ExitCode, string Output) Status(InitProcess run, params string[] args) => StatusOf(run, _dir, args);

    private static (int ExitCode, string Output) StatusOf(InitProcess run, string dir, params string[] args) =>
        run.RunInside(["status", "--dir", dir, .. args]);

    private void WaitForStatus(InitProcess run, Func<string, bool> condition) => WaitForStatus(run, _dir, condition);

    private static void WaitForStatus(InitProcess run, string dir, Func<string, bool> condition)
    {
        var last = "";
        ProcFs.WaitUntil(() => condition(last = StatusOf(run, dir).Output), $"status shows what is expected; last:\n{last}");
    }

    /// <summary>A REQUIRED sidecar db and a sidecar spare (both restarted only after a minute), publishing in
    /// <paramref name="dir"/>, everything running and ready.</summary>
    private static InitProcess StartWithRequiredDb(string dir)
    {
        var run = InitProcess.Start(Mode.Pid1, [Artifacts.Probe, "signals"], new Dictionary<string, string>
        {
            ["INIT_RUNTIME_DIR"] = dir,
            ["INIT_SIDECARS__db__COMMAND"] = $"{Artifacts.Probe} signals",
            ["INIT_SIDECARS__db__REQUIRED"] = "true",
            ["INIT_SIDECARS__db__RESTART_DELAY"] = "1m",
            ["INIT_SIDECARS__spare__COMMAND"] = $"{Artifacts.Probe} signals",
            ["INIT_SIDECARS__spare__RESTART_DELAY"] = "1m",
        });
        run.WaitForReady();
        run.WaitForReady();
        run.WaitForReady();
        WaitForStatus(run, dir, s => s.Contains("spare", StringComparison.Ordinal) && s.Contains("main", StringComparison.Ordinal));
        Assert.Equal((0, "ok"), (StatusOf(run, dir, "--check").ExitCode, StatusOf(run, dir, "--check").Output.Trim()));
        return run;
    }

    /// <summary>The host pid of each process init runs, by name, found by the pids `init status --json` shows.</summary>
    private static Dictionary<string, int> HostPids(InitProcess run, string dir)
    {
        using var doc = JsonDocument.Parse(StatusOf(run, dir, "--json").Output);
        var descendants = ProcFs.Descendants(run.InitPid);
        return doc.RootElement.GetProperty("processes").EnumerateArray().ToDictionary(
            p => p.GetProperty("name").GetString()!,
            p => descendants.Single(s => ProcFs.InnermostPid(s.Pid) == p.GetProperty("pid").GetInt32()).Pid);
    }

    private static bool CannotPublish(string line) => line.Contains("cannot publish status", StringComparison.Ordinal);

    [Fact]
    public void Check_fails_when_a_full_runtime_directory_stops_the_status_of_a_crashed_required_sidecar()
    {
        using var tmpfs = new SmallTmpfs();
        using var run = StartWithRequiredDb(tmpfs.Path);
        var pids = HostPids(run, tmpfs.Path);

        tmpfs.Fill();
        Signal(pids["db"], SIGKILL);
        run.WaitForLine(CannotPublish, what: "the publish failing");
        var (code, output) = StatusOf(run, tmpfs.Path, "--check");
        Assert.Equal(1, code);
        Assert.Contains("no status", output);

        // Publishing works again at the next change (spare ending), and says so once.
        tmpfs.Free();
        Signal(pids["spare"], SIGKILL);
        run.WaitForLine(l => l.Contains("status is published again", StringComparison.Ordinal), what: "publishing again");
        Assert.Single(run.Output.Split('\n'), CannotPublish);
        Assert.Matches(@"\ndb\s+\S+\s+restarting\s", StatusOf(run, tmpfs.Path).Output);
        Assert.Contains("db is restarting", StatusOf(run, tmpfs.Path, "--check").Output);
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Check_fails_on_the_stale_file_a_read_only_runtime_directory_leaves_behind()
    {
        using var tmpfs = new SmallTmpfs();
        using var run = StartWithRequiredDb(tmpfs.Path);

        var pids = HostPids(run, tmpfs.Path);

        tmpfs.MakeReadOnly();
        Signal(pids["db"], SIGKILL);
        run.WaitForLine(CannotPublish, what: "the publish failing");
        Assert.True(File.Exists(Path.Combine(tmpfs.Path, "status")), "a read-only directory kept the old file");
        var (code, output) = StatusOf(run, tmpfs.Path, "--check");
        Assert.Equal(1, code);
        Assert.Matches(@"is stale: db \(\d+\) is no longer running", output);
        Assert.Equal(1, StatusOf(run, tmpfs.Path).ExitCode);
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
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

    /// <summary>init not PID 1, in a mount namespace of its own whose /run is empty (no other test's init shows
    /// there), publishing where it does by default: /run/init.PID.</summary>
    private static InitProcess StartWithOwnRun(IEnumerable<string> args) =>
        InitProcess.Start(Mode.Subreaper, args, env: null,
            launcher: ["unshare", "--mount", "--propagation", "private", "sh", "-c", "mount -t tmpfs tmpfs /run && exec \"$0\" \"$@\""]);

    /// <summary>`init status ARGS` in that mount namespace, by a process that descends from no init (as `kubectl exec`).</summary>
    private static (int ExitCode, string Output) StatusFromOutside(InitProcess run, params string[] args)
    {
        using var outside = InitProcess.StartCommand("nsenter",
            ["-t", run.InitPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m", Artifacts.Init, "status", .. args]);
        var code = outside.WaitForExit();
        return (code, outside.Output);
    }

    [Fact]
    public void Status_finds_an_init_that_is_not_pid1_without_being_told_where()
    {
        using var run = StartWithOwnRun(["--sidecar", $"worker={Artifacts.Probe} signals", Artifacts.Probe, "signals"]);
        run.WaitForReady();
        run.WaitForReady();

        var last = (ExitCode: -1, Output: "");
        ProcFs.WaitUntil(() => (last = StatusFromOutside(run)).Output.Contains("worker", StringComparison.Ordinal),
            $"init status finds init {run.InitPid}; last:\n{last.Output}");
        Assert.Equal(0, last.ExitCode);
        Assert.Matches(@"(?m)^worker\s+\d+\s+running\s+yes\s", last.Output);
        Assert.Equal((0, "ok"), (StatusFromOutside(run, "--check").ExitCode, StatusFromOutside(run, "--check").Output.Trim()));
        run.Signal(SIGTERM);
        Assert.Equal(0, run.WaitForExit());
    }

    [Fact]
    public void Of_several_inits_the_one_above_the_caller_is_chosen_and_from_outside_they_are_listed()
    {
        using var first = StartWithOwnRun(["--sidecar", $"worker={Artifacts.Probe} signals", Artifacts.Probe, "signals"]);
        first.WaitForReady();
        first.WaitForReady();
        ProcFs.WaitUntil(() => StatusFromOutside(first).ExitCode == 0, "the first init's status is there");

        // The second init's main process runs `init status` itself, once its init has published (a sidecar of
        // its own: without one, or a readiness check, init publishes no status).
        using var second = InitProcess.Start(Mode.Subreaper,
            ["--sidecar", "idle=sleep 1000", "--", "sh", "-c", "until [ -e /run/init.$PPID/status ]; do sleep 0.01; done; \"$0\" status; exec \"$1\" signals",
                Artifacts.Init, Artifacts.Probe],
            env: null, launcher: ["nsenter", "-t", first.InitPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "-m"]);
        second.WaitForReady();
        Assert.Matches(@"(?m)^main\s+\d+\s+running\s", second.Output);
        Assert.Matches(@"(?m)^idle\s+\d+\s+running\s", second.Output);
        Assert.DoesNotContain("worker", second.Output);

        var (code, output) = StatusFromOutside(first);
        Assert.Equal(1, code);
        Assert.Contains($"2 inits are running here: ", output);
        Assert.Contains($"/run/init.{first.InitPid} (init {first.InitPid})", output);
        Assert.Contains($"/run/init.{second.InitPid} (init {second.InitPid})", output);
        Assert.Contains("choose one with --dir", output);
        second.Signal(SIGTERM);
        Assert.Equal(0, second.WaitForExit());
        first.Signal(SIGTERM);
        Assert.Equal(0, first.WaitForExit());
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
