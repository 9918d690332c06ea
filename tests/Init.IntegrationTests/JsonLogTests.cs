using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Init.IntegrationTests.Harness;
using static Init.IntegrationTests.Harness.Native;

namespace Init.IntegrationTests;

/// <summary>
/// Every line init writes in JSON mode, through a run with a sidecar restart, a forwarded signal and a
/// kill-timeout shutdown: each is valid UTF-8 and one flat JSON object, its event is in README.md's event
/// table at the level the table gives, it carries only that event's fields, and the fields hold what happened.
/// </summary>
public partial class JsonLogTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("init-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Every_line_of_a_run_is_a_documented_event_with_its_fields()
    {
        var log = Path.Combine(_dir, "stderr");
        // The shell adds a last argument holding a byte that is not UTF-8 and a control character, and sends
        // init's stderr to a file, so the bytes init wrote are checked, not a decoder's repair of them.
        string[] launcher = ["sh", "-c", "exec \"$@\" \"$(printf 'x\\377\\001y')\" 2>\"$LOG\"", "sh"];
        using var run = InitProcess.Start(Mode.Subreaper,
        [
            "-vvv", "--log-format", "json", "--kill-timeout", "1s",
            "--sidecar", "w=sh -c 'exit 1'", "--sidecar-option", "w.RESTART_DELAY=100ms",
            "--sidecar-option", "w.MAX_RESTARTS=1", "--sidecar-option", "w.ON_GIVE_UP=ignore",
            "--", Artifacts.Probe, "signals", "--ignore-term",
        ], new Dictionary<string, string> { ["LOG"] = log }, launcher);
        var pid = run.WaitForReady();
        ProcFs.WaitUntil(() => File.ReadAllText(log).Contains("\"event\":\"sidecar_left_down\"", StringComparison.Ordinal),
            "the sidecar restarted once, then was left down");
        run.Signal(SIGUSR1);
        run.WaitForLine($"signal {SIGUSR1} pid={pid}");
        run.Signal(SIGTERM);
        run.WaitForLine($"signal {SIGTERM} pid={pid}");
        Assert.Equal(137, run.WaitForExit());

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(File.ReadAllBytes(log));
        Assert.EndsWith("}\n", text);
        var table = ReadmeEvents();
        var lines = text.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var line in lines)
        {
            var names = line.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(["time", "level", "msg", "logger", "event"], names.Take(5));
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.Matches(Rfc3339Utc(), line.GetProperty("time").GetString());
            Assert.Equal("init", line.GetProperty("logger").GetString());
            Assert.False(string.IsNullOrEmpty(line.GetProperty("msg").GetString()));
            var name = line.GetProperty("event").GetString()!;
            Assert.True(table.TryGetValue(name, out var documented), $"{name} is not in README.md's event table");
            Assert.Equal(documented.Level, line.GetProperty("level").GetString());
            Assert.All(names.Skip(5), f => Assert.Contains(f, documented.Fields));
            CheckTypes(line);
        }

        var mainStart = Single(lines, "started", "main");
        Assert.Equal(pid, mainStart.GetProperty("pid").GetInt32());
        Assert.EndsWith($"{Artifacts.Probe} signals --ignore-term 'x\uFFFD\u0001y'", mainStart.GetProperty("command").GetString());
        Assert.Equal("sh -c 'exit 1'", Where(lines, "started", "w").First().GetProperty("command").GetString());
        Assert.Equal(2, Where(lines, "started", "w").Count());

        var restart = Single(lines, "sidecar_restarting", "w");
        Assert.Equal(("exited", 1, 1, 100, "restart"), (restart.GetProperty("status").GetString(), restart.GetProperty("exit_code").GetInt32(),
            restart.GetProperty("restarts").GetInt32(), restart.GetProperty("delay_ms").GetInt32(), restart.GetProperty("next").GetString()));
        var leftDown = Single(lines, "sidecar_left_down", "w");
        Assert.Equal((60_000, "stay_down"), (leftDown.GetProperty("window_ms").GetInt32(), leftDown.GetProperty("next").GetString()));

        var forwarded = Single(lines, "signal_forwarded", "main", "SIGUSR1");
        Assert.Equal((pid, "group", true), (forwarded.GetProperty("pid").GetInt32(), forwarded.GetProperty("target").GetString(),
            forwarded.GetProperty("delivered").GetBoolean()));
        Assert.Single(lines, l => Is(l, "signal_received", signal: "SIGUSR1") && l.GetProperty("sender_pid").GetInt32() == Environment.ProcessId);

        var shutdown = Single(lines, "shutdown_started");
        Assert.Equal(("SIGTERM received", 1000), (shutdown.GetProperty("reason").GetString(), shutdown.GetProperty("timeout_ms").GetInt32()));
        var kill = Single(lines, "kill_timeout", "main");
        Assert.Equal((1000, pid, false), (kill.GetProperty("timeout_ms").GetInt32(), kill.GetProperty("pid").GetInt32(),
            kill.GetProperty("all_processes").GetBoolean()));
        Assert.Contains("(probe)", kill.GetProperty("killed").GetString());
        var ended = Single(lines, "exited_during_shutdown", "main");
        Assert.Equal(("killed", "SIGKILL", 137, "continue_shutdown"), (ended.GetProperty("status").GetString(),
            ended.GetProperty("signal").GetString(), ended.GetProperty("exit_code").GetInt32(), ended.GetProperty("next").GetString()));
        Assert.Equal(137, Single(lines, "exiting").GetProperty("exit_code").GetInt32());
    }

    /// <summary>The types README.md gives the fields.</summary>
    private static void CheckTypes(JsonElement line)
    {
        foreach (var field in line.EnumerateObject())
        {
            var kind = field.Value.ValueKind;
            switch (field.Name)
            {
                case var number when number is "pid" or "sender_pid" or "exit_code" or "restarts" or "count" ||
                    number.EndsWith("_ms", StringComparison.Ordinal):
                    Assert.True(kind == JsonValueKind.Number || (field.Name == "delay_ms" && kind == JsonValueKind.Null), field.Name);
                    break;
                case "delivered" or "all_processes":
                    Assert.True(kind is JsonValueKind.True or JsonValueKind.False, field.Name);
                    break;
                default:
                    Assert.Equal(JsonValueKind.String, kind);
                    break;
            }
        }
        if (line.TryGetProperty("signal", out var signal))
        {
            Assert.StartsWith("SIG", signal.GetString());
        }
        if (line.TryGetProperty("process", out var process))
        {
            Assert.Contains(process.GetString(), (string[])["main", "w"]);
        }
    }

    private static bool Is(JsonElement line, string name, string? process = null, string? signal = null) =>
        line.GetProperty("event").GetString() == name &&
        (process is null || (line.TryGetProperty("process", out var p) && p.GetString() == process)) &&
        (signal is null || (line.TryGetProperty("signal", out var s) && s.GetString() == signal));

    private static IEnumerable<JsonElement> Where(List<JsonElement> lines, string name, string? process = null) =>
        lines.Where(l => Is(l, name, process));

    private static JsonElement Single(List<JsonElement> lines, string name, string? process = null, string? signal = null) =>
        Assert.Single(lines, l => Is(l, name, process, signal));

    /// <summary>README.md's "#### Events" table: each event's level and fields.</summary>
    private static Dictionary<string, (string Level, string[] Fields)> ReadmeEvents()
    {
        var lines = File.ReadAllLines(Path.Combine(Artifacts.RepositoryRoot, "README.md"));
        return lines.SkipWhile(l => l != "#### Events")
            .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[1].Trim('`'),
                c => (c[2], c[4].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.Trim('`')).ToArray()));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex Rfc3339Utc();
}
