using static Init.Logging.LogLevel;

namespace Init.Logging;

/// <summary>
/// Every line init logs, declared once: its event name, level and message. README.md's event table is held
/// to this list by a unit test, as the usage table is to Options/OptionTable.cs; a name, a level or a field
/// changes only with a note there. By default (warnings and errors) nothing here is written on the happy path.
/// </summary>
internal static class LogEvents
{
    private const string Restart = "restart", ShutDown = "shut_down", StayDown = "stay_down", GoesOn = "continue_shutdown";

    // Starting up.
    public static readonly LogEvent UnknownVariable = new("unknown_variable", Warning, "ignoring unknown environment variable {key}");
    public static readonly LogEvent Subreaper = new("subreaper", Information, "not PID 1 (pid {pid}): registered as child subreaper");
    public static readonly LogEvent StartupFailed = new("startup_failed", Error, "{error}");
    public static readonly LogEvent NotifySocketUnavailable = new("notify_socket_unavailable", Warning,
        "no notify socket in {directory} ({error}); READY=notify cannot work");
    public static readonly LogEvent StatusUnavailable = new("status_unavailable", Warning,
        "cannot publish status in {directory} ({error}); the old status file: {old_status}; `init status` fails until a publish works (or set {key})");
    public static readonly LogEvent StatusRestored = new("status_restored", Warning, "status is published again in {directory}");
    public static readonly LogEvent WorkingDirectoryMissing = new("working_directory_missing", Error,
        "{directory}: working directory not found, for {process}");
    public static readonly LogEvent CommandNotFound = new("command_not_found", Error, "{program}: command not found ({error}), for {process}");
    public static readonly LogEvent CommandNotExecutable = new("command_not_executable", Error, "{program}: cannot execute ({error}), for {process}");
    public static readonly LogEvent ProcessLimitReached = new("process_limit_reached", Error, "{program}: cannot start: {error}, for {process}");

    // A process's life.
    public static readonly LogEvent Started = new("started", Information, "started {process}: {command}");
    public static readonly LogEvent Ready = new("ready", Information, "{process} is ready");
    public static readonly LogEvent MainExited = new("main_exited", Information, "{process} ended: {status}; shutting down", ShutDown);
    public static readonly LogEvent ExitedDuringShutdown = new("exited_during_shutdown", Information,
        "{process} ended: {status}; the shutdown goes on", GoesOn);
    public static readonly LogEvent SidecarRestarting = new("sidecar_restarting", Warning,
        "{process} ended: {status}; restart {restarts} in {delay_ms}", Restart);
    public static readonly LogEvent SidecarGaveUp = new("sidecar_gave_up", Error,
        "{process} ended: {status}; {restarts} restarts within {window_ms}: giving up, stopping everything", ShutDown);
    public static readonly LogEvent SidecarLeftDown = new("sidecar_left_down", Error,
        "{process} ended: {status}; {restarts} restarts within {window_ms}: giving up, leaving it down", StayDown);
    public static readonly LogEvent SidecarNotRestarted = new("sidecar_not_restarted", Warning,
        "{process} ended: {status}; its restart policy ({policy}) keeps it down", StayDown);
    public static readonly LogEvent WatchdogExpired = new("watchdog_expired", Error, "{process} sent no WATCHDOG=1 for {interval_ms}: killing it");
    public static readonly LogEvent NotReadyInTime = new("not_ready_in_time", Error, "{process} is required but not ready after {timeout_ms}: giving up");
    public static readonly LogEvent ZombieReaped = new("zombie_reaped", Warning, "reaped zombie pid {pid}: {status}");
    public static readonly LogEvent OrphanReaped = new("orphan_reaped", Verbose, "reaped pid {pid}: {status}");

    // Notify messages.
    public static readonly LogEvent NotifyStopping = new("notify_stopping", Information, "{process} is stopping");
    public static readonly LogEvent NotifyStatus = new("notify_status", Debug, "{process} status: {status_text}");
    public static readonly LogEvent NotifyMainPid = new("notify_main_pid", Debug, "{process} reports main pid {main_pid}");
    public static readonly LogEvent NotifyFromStranger = new("notify_from_stranger", Debug,
        "notify message from pid {pid}, not a process init runs: {notify_message}");

    // Signals.
    public static readonly LogEvent SignalReceived = new("signal_received", Debug, "received {signal} from pid {sender_pid}");
    public static readonly LogEvent SignalDropped = new("signal_dropped", Debug, "dropped {signal}");
    public static readonly LogEvent SignalRewritten = new("signal_rewritten", Debug, "rewrote {signal} to {to_signal}");
    public static readonly LogEvent SignalForwarded = new("signal_forwarded", Debug, "forwarded {signal} to {target}{process}{delivered}");
    public static readonly LogEvent SignalNotForwarded = new("signal_not_forwarded", Debug, "{signal} not forwarded: the main process has not started");
    public static readonly LogEvent SignalSent = new("signal_sent", Debug, "sent {signal} to the group of {process}");
    public static readonly LogEvent StoppedContinued = new("stopped_continued", Debug, "sent {signal} to stopped pid {pid}");
    public static readonly LogEvent StopPassedOn = new("stop_passed_on", Debug, "passed on {signal} to {process}");
    public static readonly LogEvent MainStopped = new("main_stopped", Debug, "{process} stopped by {signal}; stopping init too");

    // Shutting down.
    public static readonly LogEvent ShutdownDelayed = new("shutdown_delayed", Information,
        "{signal} received: everything keeps running for {delay_ms} before it is stopped");
    public static readonly LogEvent ShutdownStarted = new("shutdown_started", Information,
        "{reason}: shutting down; SIGKILL in {timeout_ms} for anything still running");
    public static readonly LogEvent Stopping = new("stopping", Information, "stopping {process} with {signal}");
    public static readonly LogEvent StoppingLeftovers = new("stopping_leftovers", Information,
        "stopping what {process} left in its group with {signal}");
    public static readonly LogEvent KillTimeout = new("kill_timeout", Warning,
        "kill timeout {timeout_ms} passed for {process}; sent SIGKILL to {killed}{all_processes}");
    public static readonly LogEvent StopTimeout = new("stop_timeout", Warning,
        "stop timeout {timeout_ms} passed for {process}; sent SIGKILL to {killed}");
    public static readonly LogEvent GroupLingers = new("group_lingers", Debug, "{process}'s group still has members after SIGKILL; moving on");
    public static readonly LogEvent ExitCodeExpected = new("exit_code_expected", Information, "exit code {exit_code} is expected; exiting with 0");
    public static readonly LogEvent Exiting = new("exiting", Information, "exiting with code {exit_code}");

    // init itself.
    public static readonly LogEvent LogLinesDropped = new("log_lines_dropped", Warning,
        "{count} log lines were dropped while stderr was not being read");
    public static readonly LogEvent NotifySocketFailed = new("notify_socket_failed", Error,
        "the notify socket failed; no more READY=1 or WATCHDOG=1 will be read");
    public static readonly LogEvent PollFailed = new("poll_failed", Error, "{error}; trying again in {delay_ms}");
    public static readonly LogEvent DeadlinesKeptFiring = new("deadlines_kept_firing", Error,
        "deadline rules kept firing ({count} in one wake-up); going on");
    public static readonly LogEvent IdleWake = new("idle_wake", Warning,
        "woke up twice in a row with nothing to do (next deadline in {delay_ms}); please report this");
    public static readonly LogEvent InternalError = new("internal_error", Error, "internal error, going on: {error}");
    public static readonly LogEvent InternalFailure = new("internal_failure", Error, "internal error, cannot go on: {error}");

    /// <summary>In the order of README.md's table: by level, most severe first (what to alert on leads), and by
    /// topic within a level.</summary>
    public static IReadOnlyList<LogEvent> All { get; } =
    [
        StartupFailed, WorkingDirectoryMissing, CommandNotFound, CommandNotExecutable, ProcessLimitReached, SidecarGaveUp, SidecarLeftDown,
        WatchdogExpired, NotReadyInTime, NotifySocketFailed, PollFailed, DeadlinesKeptFiring, InternalError, InternalFailure,
        UnknownVariable, NotifySocketUnavailable, StatusUnavailable, StatusRestored, SidecarRestarting, SidecarNotRestarted,
        ZombieReaped, KillTimeout, StopTimeout, LogLinesDropped, IdleWake, Subreaper, Started, Ready, MainExited,
        ExitedDuringShutdown, NotifyStopping, ShutdownDelayed, ShutdownStarted, Stopping, StoppingLeftovers,
        ExitCodeExpected, Exiting, NotifyStatus, NotifyMainPid, NotifyFromStranger, SignalReceived, SignalDropped,
        SignalRewritten, SignalForwarded, SignalNotForwarded, SignalSent, StoppedContinued, StopPassedOn, MainStopped,
        GroupLingers, OrphanReaped,
    ];
}
