namespace Init.Logging;

/// <summary>
/// Every field init's log lines can carry beside time, level, msg, logger and event, declared once: the
/// message templates of <see cref="LogEvents"/> name them in their holes, and a unit test holds README.md's
/// field table to this list (docs/design.md, "Logging").
/// </summary>
internal static class LogFields
{
    public static readonly LogField Process = new("process", "string",
        "which process: `main`, or the sidecar's name", "pid");

    public static readonly LogField Pid = new("pid", "number",
        "a process id: the process's (once it has started), an orphan's, a notify sender's, or init's own");

    public static readonly LogField Command = new("command", "string",
        "the command line, each word quoted as a shell would need it");

    public static readonly LogField Program = new("program", "string", "the program a command runs (its first word)");

    public static readonly LogField Signal = new("signal", "string",
        "a signal's name (`SIGTERM`, `SIGRTMIN+3`): the one received, passed on or sent, or the one that killed the process");

    public static readonly LogField ToSignal = new("to_signal", "string", "what a rewrite (`-r`) turned `signal` into");

    public static readonly LogField SenderPid = new("sender_pid", "number",
        "who sent a received signal; 0: the kernel, or a process outside init's PID namespace");

    public static readonly LogField Target = new("target", "string",
        "where a forwarded signal went: `group` (the main process's group) or `process` (the main process alone)");

    public static readonly LogField Delivered = new("delivered", "bool", "false when the process was already gone");

    public static readonly LogField Status = new("status", "string",
        "how the process ended: `exited`, or `killed` by `signal`", "exit_code", "signal");

    public static readonly LogField ExitCode = new("exit_code", "number",
        "an exit code, 128+N for death by signal N, as shells and Docker report it");

    public static readonly LogField Next = new("next", "string",
        "what init does after an exit: `restart`, `shut_down`, `stay_down` or `continue_shutdown`");

    public static readonly LogField Restarts = new("restarts", "number",
        "the restart about to happen (1 for the first), or the restarts within the window when giving up");

    public static readonly LogField DelayMs = new("delay_ms", "number",
        "milliseconds until init acts: the restart, the end of the shutdown delay, the next try or deadline");

    public static readonly LogField TimeoutMs = new("timeout_ms", "number",
        "the timeout in question, in milliseconds: the kill timeout, a stop timeout, a ready timeout");

    public static readonly LogField WindowMs = new("window_ms", "number", "the restart window (`RESTART_WINDOW`), in milliseconds");

    public static readonly LogField IntervalMs = new("interval_ms", "number", "the watchdog interval, in milliseconds");

    public static readonly LogField Policy = new("policy", "string", "a restart policy: `always`, `on-failure` or `never`");

    public static readonly LogField Reason = new("reason", "string",
        "why the shutdown began: `main process ended`, `SIGTERM received` (or the signal's name), `shutdown delay over`, `sidecar NAME gave up`, `sidecar NAME not ready`");

    public static readonly LogField Killed = new("killed", "string",
        "what SIGKILL was sent to: `pid (name)` each, or `process group N`, or `pid N`");

    public static readonly LogField AllProcesses = new("all_processes", "bool",
        "true when every process left got SIGKILL too (init is PID 1 and the kill timeout passed)");

    public static readonly LogField Error = new("error", "string", "what failed, and the system's words for why");

    public static readonly LogField Directory = new("directory", "string", "a directory");

    public static readonly LogField Key = new("key", "string", "an environment variable's name");

    public static readonly LogField StatusText = new("status_text", "string", "what a process sent as `STATUS=`");

    public static readonly LogField MainPid = new("main_pid", "string", "what a process sent as `MAINPID=`");

    public static readonly LogField NotifyMessage = new("notify_message", "string", "a notify message as received");

    public static readonly LogField Count = new("count", "number", "how many: log lines dropped, deadline rules fired");

    public static readonly LogField OldStatus = new("old_status", "string",
        "what became of the last status file when a publish failed: `removed`, or `kept` (`init status` then reads it as stale)");

    public static IReadOnlyList<LogField> All { get; } =
    [
        Process, Pid, Command, Program, Signal, ToSignal, SenderPid, Target, Delivered, Status, ExitCode, Next,
        Restarts, DelayMs, TimeoutMs, WindowMs, IntervalMs, Policy, Reason, Killed, AllProcesses, Error, Directory,
        Key, StatusText, MainPid, NotifyMessage, Count, OldStatus,
    ];

    public static LogField? Named(string name)
    {
        foreach (var field in All)
        {
            if (field.Name == name)
            {
                return field;
            }
        }
        return null;
    }
}
