using System.Text;

namespace Init.Options;

/// <summary>
/// What `init --help` prints. The Options and Environment sections come from <see cref="OptionTable"/>; the
/// rest is prose. Keep it true: the README quotes the same contract.
/// </summary>
internal static class HelpText
{
    public const string Usage = "init [options] [--] command [args...]";

    /// <summary>Widths of the left column: the text starts at column 30 under Options, 31 under Environment.</summary>
    private const int FlagWidth = 28;
    private const int VariableWidth = 29;

    /// <summary>The project's version, written in at build time (Init.csproj, WriteBuildVersion).</summary>
    public const string Version = BuildVersion.Text;

    /// <summary>What the version flag prints, on one line as tini's: version, commit, the .NET runtime inside,
    /// the CPU it was built for.</summary>
    public const string VersionLine =
        "init " + Version + " (commit " + BuildVersion.Commit + ", .NET " + BuildVersion.Runtime + ", " + BuildVersion.RuntimeIdentifier + ")";

    public static string Text { get; } = Build();

    private const string Intro = """
        init: a container entrypoint init. Runs COMMAND as its child, forwards every catchable signal to it,
        reaps every zombie, shuts down within a kill timeout, and exits with the child's exit code
        (128+N when the child died of signal N).

        Usage: init [options] [--] command [args...]
               init status [--json] [--check] [--dir DIR]
        Options end at "--" or at the first argument that is not an option. A command named "status" needs
        "--" before it.

        Options:

        """;

    private const string EnvironmentHeading = """

        Environment (flags win over INIT_*, INIT_* over the tini/dumb-init spellings):

        """;

    // SidecarSpecs reads these by prefix, so no option stands for them.
    private const string SidecarVariables = """
          INIT_SIDECARS__NAME__KEY=V   a sidecar; KEY: COMMAND, RESTART (always|on-failure|never, default always),
                                       RESTART_DELAY (1s), RESTART_BACKOFF (2), RESTART_MAX_DELAY (30s),
                                       MIN_UPTIME (10s, a run this long resets the backoff), MAX_RESTARTS (5)
                                       within RESTART_WINDOW (60s), ON_GIVE_UP (exit|ignore), STOP_SIGNAL (TERM),
                                       STOP_TIMEOUT (the kill timeout), WORKDIR, ENV__VAR, REQUIRED (false; true:
                                       ready before the main command starts, and for `init status --check`),
                                       READY (as --ready), READY_TIMEOUT (60s), WATCHDOG (as --watchdog),
                                       FORWARD_SIGNALS (false; true: also gets what goes to the main command)

        """;

    private const string Prose = """
          An unknown INIT_* variable is reported as a warning; an empty value means the variable is not set.

        Signals: HUP INT QUIT USR1 USR2 ALRM TERM STKFLT CONT URG XCPU XFSZ VTALRM PROF WINCH IO PWR and
        RTMIN+1..RTMAX are forwarded, exactly as received (a stopped process also gets CONT after TERM/INT).
        TSTP, TTIN and TTOU are passed on (to a group as STOP), then init stops itself unless it is PID 1;
        CONT resumes both. Never forwarded: CHLD, KILL, STOP, PIPE, SIGRTMIN and the fault signals. When stdin
        is init's terminal, the child's group is made its foreground group. With -c and not PID 1, what the
        child leaves behind at its exit is left alone (dumb-init's --single-child).

        Readiness: when a process has READY=notify or a WATCHDOG, children get NOTIFY_SOCKET (systemd's sd_notify:
        READY=1, STATUS=, WATCHDOG=1, STOPPING=1) and, with a watchdog, WATCHDOG_USEC; a process that stops
        pinging is killed and its restart policy applies.

        Sidecars: started first, in order (flags, then INIT_SIDECARS__* by name); signals other than TERM/INT go
        to the main command only (and to sidecars with FORWARD_SIGNALS). When the main command ends (or after
        TERM/INT), init stops it, then the sidecars in reverse order, each with its STOP_SIGNAL and
        STOP_TIMEOUT, all within the kill timeout.

        Status: `init status` (e.g. kubectl exec POD -- /init status) prints each process: name, pid, state,
        ready, restarts, uptime, last exit, RSS and CPU time; --json for machines; --check exits 0 only when
        the main process and every REQUIRED sidecar are running and ready (for exec probes), else 1. Without
        --dir it reads INIT_RUNTIME_DIR, else the running init above it, else /run/init, else the only running
        /run/init.PID; several: it lists them. A status init could not keep up to date fails (exit 1). Only
        an init with sidecars, --ready or --watchdog publishes a status (a plain one has none to report).

        Exit codes: the child's code, or 128+N for death by signal N; 2 for a bad option or environment value;
        126 when a command cannot be executed; 127 when one (or a sidecar's WORKDIR) is not found; 1 when init
        itself fails to start, or the process limit (RLIMIT_NPROC, pids.max) keeps it or the main command from
        starting; a sidecar's exit code (1 if that was 0) when it gave up with ON_GIVE_UP=exit.

        """;

    private static string Build()
    {
        var text = new StringBuilder(Intro);
        foreach (var option in OptionTable.All)
        {
            var flag = (option.Short is { } letter ? $"-{letter}, " : "    ") + option.Long +
                (option.ValueName is { } value ? " " + value : "");
            Columns(text, flag, option.Help, FlagWidth);
        }
        text.Append(EnvironmentHeading);
        foreach (var variable in OptionTable.Variables)
        {
            Columns(text, Spelling(variable), variable.Help ?? [AsFlags(variable)], VariableWidth);
        }
        text.Append(SidecarVariables);
        foreach (var variable in OptionTable.CompatibleVariables)
        {
            Columns(text, Spelling(variable), variable.Help ?? [AsFlags(variable)], VariableWidth);
        }
        return text.Append(Prose).ToString();
    }

    private static string AsFlags(EnvVariable variable)
    {
        var flags = new List<string>();
        foreach (var option in OptionTable.All)
        {
            if (option.Env == variable || IndexOf(option.Compatible, variable) >= 0)
            {
                flags.Add(option.Long);
            }
        }
        return "as " + string.Join(", ", flags);
    }

    private static int IndexOf(IReadOnlyList<EnvVariable> variables, EnvVariable variable)
    {
        for (var i = 0; i < variables.Count; i++)
        {
            if (variables[i] == variable)
            {
                return i;
            }
        }
        return -1;
    }

    private static string Spelling(EnvVariable variable) =>
        variable.ValueName is { } value ? $"{variable.Key}={value}" : variable.Key;

    /// <summary>"  left  first line", the other lines under the first; a left side too wide for its column
    /// puts all the lines under it.</summary>
    private static void Columns(StringBuilder text, string left, IReadOnlyList<string> lines, int width)
    {
        var indent = new string(' ', 2 + width);
        text.Append("  ").Append(left);
        if (left.Length < width)
        {
            text.Append(' ', width - left.Length);
        }
        else
        {
            text.Append('\n').Append(indent);
        }
        text.AppendJoin("\n" + indent, lines).Append('\n');
    }
}
