using System.Text.Json;
using Init.Logging;
using Xunit;
using static Init.Tests.Logging.LogTestLines;
using E = Init.Logging.LogEvents;

namespace Init.Tests.Logging;

/// <summary>
/// Each event's line in both formats, written out in full: the text line, and the JSON fields after
/// "event" (the part people parse and alert on). A change to any of them shows here first.
/// </summary>
public class LogEventGoldenTests
{
    private static readonly TimeSpan S30 = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, (LogEvent Event, LogValue[] Values, string Text, string Json)> Cases = new[]
    {
        G(E.UnknownVariable, ["INIT_KILLTIMEOUT"], "ignoring unknown environment variable INIT_KILLTIMEOUT", "`key`:`INIT_KILLTIMEOUT`"),
        G(E.Subreaper, [40], "not PID 1 (pid 40): registered as child subreaper", "`pid`:40"),
        G(E.StartupFailed, ["signalfd: Operation not permitted"], "signalfd: Operation not permitted", "`error`:`signalfd: Operation not permitted`"),
        G(E.NotifySocketUnavailable, ["/run/init", "Permission denied"], "no notify socket in /run/init (Permission denied); READY=notify cannot work",
            "`directory`:`/run/init`,`error`:`Permission denied`"),
        G(E.StatusUnavailable, ["/run/init", "Read-only file system", "kept", "INIT_RUNTIME_DIR"],
            "cannot publish status in /run/init (Read-only file system); the old status file: kept; `init status` fails until a publish works (or set INIT_RUNTIME_DIR)",
            "`directory`:`/run/init`,`error`:`Read-only file system`,`old_status`:`kept`,`key`:`INIT_RUNTIME_DIR`"),
        G(E.StatusRestored, ["/run/init"], "status is published again in /run/init", "`directory`:`/run/init`"),
        G(E.WorkingDirectoryMissing, ["/srv/x", Sidecar("w", 0)], "/srv/x: working directory not found, for sidecar w",
            "`directory`:`/srv/x`,`process`:`w`"),
        G(E.CommandNotFound, ["app", "No such file or directory", MainProcess(0)], "app: command not found (No such file or directory), for main process",
            "`program`:`app`,`error`:`No such file or directory`,`process`:`main`"),
        G(E.CommandNotExecutable, ["./run.sh", "Permission denied", Sidecar("w", 0)], "./run.sh: cannot execute (Permission denied), for sidecar w",
            "`program`:`./run.sh`,`error`:`Permission denied`,`process`:`w`"),
        G(E.ProcessLimitReached, ["app", "the process limit is reached", MainProcess(0)], "app: cannot start: the process limit is reached, for main process",
            "`program`:`app`,`error`:`the process limit is reached`,`process`:`main`"),
        G(E.Started, [MainProcess(7), LogValue.Command(["sh", "-c", "exit 3"])], "started main process 7: sh -c 'exit 3'",
            "`process`:`main`,`pid`:7,`command`:`sh -c 'exit 3'`"),
        G(E.Ready, [Sidecar("db", 5)], "sidecar db (5) is ready", "`process`:`db`,`pid`:5"),
        G(E.MainExited, [MainProcess(7), Exited(3)], "main process 7 ended: exit code 3; shutting down",
            "`process`:`main`,`pid`:7,`status`:`exited`,`exit_code`:3,`next`:`shut_down`"),
        G(E.ExitedDuringShutdown, [MainProcess(7), Killed("SIGTERM", 143)], "main process 7 ended: killed by SIGTERM (exit code 143); the shutdown goes on",
            "`process`:`main`,`pid`:7,`status`:`killed`,`exit_code`:143,`signal`:`SIGTERM`,`next`:`continue_shutdown`"),
        G(E.SidecarRestarting, [Sidecar("worker", 12), Exited(1), 1, TimeSpan.FromSeconds(1)],
            "sidecar worker (12) ended: exit code 1; restart 1 in 1s",
            "`process`:`worker`,`pid`:12,`status`:`exited`,`exit_code`:1,`restarts`:1,`delay_ms`:1000,`next`:`restart`"),
        G(E.SidecarGaveUp, [Sidecar("w", 12), Killed("SIGKILL", 137), 5, TimeSpan.FromMinutes(1)],
            "sidecar w (12) ended: killed by SIGKILL (exit code 137); 5 restarts within 60s: giving up, stopping everything",
            "`process`:`w`,`pid`:12,`status`:`killed`,`exit_code`:137,`signal`:`SIGKILL`,`restarts`:5,`window_ms`:60000,`next`:`shut_down`"),
        G(E.SidecarLeftDown, [Sidecar("w", 12), Exited(2), 5, TimeSpan.FromMilliseconds(1500)],
            "sidecar w (12) ended: exit code 2; 5 restarts within 1500ms: giving up, leaving it down",
            "`process`:`w`,`pid`:12,`status`:`exited`,`exit_code`:2,`restarts`:5,`window_ms`:1500,`next`:`stay_down`"),
        G(E.SidecarNotRestarted, [Sidecar("w", 12), Exited(0), "on-failure"], "sidecar w (12) ended: exit code 0; its restart policy (on-failure) keeps it down",
            "`process`:`w`,`pid`:12,`status`:`exited`,`exit_code`:0,`policy`:`on-failure`,`next`:`stay_down`"),
        G(E.WatchdogExpired, [Sidecar("w", 12), TimeSpan.FromMilliseconds(400)], "sidecar w (12) sent no WATCHDOG=1 for 400ms: killing it",
            "`process`:`w`,`pid`:12,`interval_ms`:400"),
        G(E.NotReadyInTime, [Sidecar("db", 5), S30], "sidecar db (5) is required but not ready after 30s: giving up",
            "`process`:`db`,`pid`:5,`timeout_ms`:30000"),
        G(E.ZombieReaped, [99, Exited(0)], "reaped zombie pid 99: exit code 0", "`pid`:99,`status`:`exited`,`exit_code`:0"),
        G(E.OrphanReaped, [99, Killed("SIGHUP", 129)], "reaped pid 99: killed by SIGHUP (exit code 129)",
            "`pid`:99,`status`:`killed`,`exit_code`:129,`signal`:`SIGHUP`"),
        G(E.NotifyStopping, [MainProcess(7)], "main process 7 is stopping", "`process`:`main`,`pid`:7"),
        G(E.NotifyStatus, [MainProcess(7), "draining"], "main process 7 status: draining", "`process`:`main`,`pid`:7,`status_text`:`draining`"),
        G(E.NotifyMainPid, [MainProcess(7), "8"], "main process 7 reports main pid 8", "`process`:`main`,`pid`:7,`main_pid`:`8`"),
        G(E.NotifyFromStranger, [31, "READY=1"], "notify message from pid 31, not a process init runs: READY=1",
            "`pid`:31,`notify_message`:`READY=1`"),
        G(E.SignalReceived, ["SIGTERM", 0], "received SIGTERM from pid 0", "`signal`:`SIGTERM`,`sender_pid`:0"),
        G(E.SignalDropped, ["SIGUSR1"], "dropped SIGUSR1", "`signal`:`SIGUSR1`"),
        G(E.SignalRewritten, ["SIGTERM", "SIGQUIT"], "rewrote SIGTERM to SIGQUIT", "`signal`:`SIGTERM`,`to_signal`:`SIGQUIT`"),
        G(E.SignalForwarded, ["SIGHUP", LogValue.Word("group", "the group of "), MainProcess(7), LogValue.Flag(true, "", " (already gone)")],
            "forwarded SIGHUP to the group of main process 7", "`signal`:`SIGHUP`,`target`:`group`,`process`:`main`,`pid`:7,`delivered`:true"),
        G(E.SignalNotForwarded, ["SIGHUP"], "SIGHUP not forwarded: the main process has not started", "`signal`:`SIGHUP`"),
        G(E.SignalSent, ["SIGTERM", Sidecar("w", 12)], "sent SIGTERM to the group of sidecar w (12)", "`signal`:`SIGTERM`,`process`:`w`,`pid`:12"),
        G(E.StoppedContinued, ["SIGCONT", 13], "sent SIGCONT to stopped pid 13", "`signal`:`SIGCONT`,`pid`:13"),
        G(E.StopPassedOn, ["SIGTSTP", MainProcess(7)], "passed on SIGTSTP to main process 7", "`signal`:`SIGTSTP`,`process`:`main`,`pid`:7"),
        G(E.MainStopped, [MainProcess(7), "SIGTSTP"], "main process 7 stopped by SIGTSTP; stopping init too", "`process`:`main`,`pid`:7,`signal`:`SIGTSTP`"),
        G(E.ShutdownDelayed, ["SIGTERM", TimeSpan.FromSeconds(5)], "SIGTERM received: everything keeps running for 5s before it is stopped",
            "`signal`:`SIGTERM`,`delay_ms`:5000"),
        G(E.ShutdownStarted, ["SIGTERM received", S30], "SIGTERM received: shutting down; SIGKILL in 30s for anything still running",
            "`reason`:`SIGTERM received`,`timeout_ms`:30000"),
        G(E.Stopping, [Sidecar("nginx", 4), "SIGQUIT"], "stopping sidecar nginx (4) with SIGQUIT", "`process`:`nginx`,`pid`:4,`signal`:`SIGQUIT`"),
        G(E.StoppingLeftovers, [MainProcess(7), "SIGTERM"], "stopping what main process 7 left in its group with SIGTERM",
            "`process`:`main`,`pid`:7,`signal`:`SIGTERM`"),
        G(E.KillTimeout, [S30, MainProcess(7), "7 (app), 9 (sleep)", LogValue.Flag(true, " and every process left", "")],
            "kill timeout 30s passed for main process 7; sent SIGKILL to 7 (app), 9 (sleep) and every process left",
            "`timeout_ms`:30000,`process`:`main`,`pid`:7,`killed`:`7 (app), 9 (sleep)`,`all_processes`:true"),
        G(E.StopTimeout, [TimeSpan.FromSeconds(3), Sidecar("w", 12), "12 (worker)"],
            "stop timeout 3s passed for sidecar w (12); sent SIGKILL to 12 (worker)", "`timeout_ms`:3000,`process`:`w`,`pid`:12,`killed`:`12 (worker)`"),
        G(E.GroupLingers, [Sidecar("w", 12)], "sidecar w (12)'s group still has members after SIGKILL; moving on", "`process`:`w`,`pid`:12"),
        G(E.ExitCodeExpected, [143], "exit code 143 is expected; exiting with 0", "`exit_code`:143"),
        G(E.Exiting, [3], "exiting with code 3", "`exit_code`:3"),
        G(E.LogLinesDropped, [120], "120 log lines were dropped while stderr was not being read", "`count`:120"),
        G(E.NotifySocketFailed, [], "the notify socket failed; no more READY=1 or WATCHDOG=1 will be read", ""),
        G(E.PollFailed, ["poll: Cannot allocate memory", TimeSpan.FromMilliseconds(100)], "poll: Cannot allocate memory; trying again in 100ms",
            "`error`:`poll: Cannot allocate memory`,`delay_ms`:100"),
        G(E.DeadlinesKeptFiring, [10_000], "deadline rules kept firing (10000 in one wake-up); going on", "`count`:10000"),
        G(E.IdleWake, [LogValue.None], "woke up twice in a row with nothing to do (next deadline in none); please report this", "`delay_ms`:null"),
        G(E.InternalError, ["Index was outside the bounds of the array."], "internal error, going on: Index was outside the bounds of the array.",
            "`error`:`Index was outside the bounds of the array.`"),
        G(E.InternalFailure, ["unexpected NullReferenceException"], "internal error, cannot go on: unexpected NullReferenceException",
            "`error`:`unexpected NullReferenceException`"),
    }.ToDictionary(c => c.Event.Name);

    public static TheoryData<string> EventNames() => [.. LogEvents.All.Select(e => e.Name)];

    [Fact]
    public void Every_event_has_a_golden_line() =>
        Assert.Equal(LogEvents.All.Select(e => e.Name).Order(), Cases.Keys.Order());

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Text_line(string name)
    {
        var (e, values, text, _) = Cases[name];
        var level = e.Level switch
        {
            LogLevel.Verbose => "VERB", LogLevel.Debug => "DBUG", LogLevel.Information => "INFO", LogLevel.Warning => "WARN", _ => "EROR",
        };
        Assert.Equal($"[init] {level} {text}\n", Text(e, values));
    }

    [Theory]
    [MemberData(nameof(EventNames))]
    public void Json_line(string name)
    {
        var (e, values, text, fields) = Cases[name];
        var line = Json(e, values);

        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal(["time", "level", "msg", "logger", "event"], names.Take(5));
        Assert.All(names.Skip(5), n => Assert.Contains(n, e.Fields()));
        Assert.Equal("2026-12-01T07:30:05.123Z", root.GetProperty("time").GetString());
        Assert.Equal(LogFormats.LevelName(e.Level), root.GetProperty("level").GetString());
        Assert.Equal(text, root.GetProperty("msg").GetString());
        Assert.Equal("init", root.GetProperty("logger").GetString());
        var head = $"\"logger\":\"init\",\"event\":\"{name}\"";
        Assert.EndsWith(head + (fields.Length > 0 ? "," + fields : "") + "}\n", line);
    }

    /// <param name="json">the fields, with ` for " (so the C# stays readable).</param>
    private static (LogEvent Event, LogValue[] Values, string Text, string Json) G(LogEvent e, LogValue[] values, string text, string json) =>
        (e, values, text, json.Replace('`', '"'));
}
