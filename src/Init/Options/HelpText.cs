namespace Init.Options;

/// <summary>What `init --help` prints. Keep it true: the README quotes the same contract.</summary>
internal static class HelpText
{
    public const string Usage = "init [options] [--] command [args...]";

    public static string Version =>
        typeof(HelpText).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    public const string Text = """
        init: a container entrypoint init. Runs COMMAND as its child, forwards every catchable signal to it,
        reaps every zombie, shuts down within a kill timeout, and exits with the child's exit code
        (128+N when the child died of signal N).

        Usage: init [options] [--] command [args...]
               init status [--json] [--check] [--dir DIR]
        Options end at "--" or at the first argument that is not an option. A command named "status" needs
        "--" before it.

        Options:
          -c, --single-child          send signals to the child only, not its process group
          -g, --process-group         send signals to the child's whole process group (the default)
          -t, --kill-timeout D        after SIGTERM/SIGINT, or once the main child has exited, wait up to D
                                      (10s, 1500ms, 2m; default 30s, Kubernetes' grace period), then SIGKILL
                                      what is left
          -r, --rewrite FROM:TO       pass signal FROM on as TO (names or numbers; TO=0 drops FROM); repeatable
          -e, --success-exit-code N   report the child's exit code N (0-255, e.g. 143 for SIGTERM) as 0;
                                      repeatable
          -p, --parent-death-signal S signal init gets when its parent dies (prctl PR_SET_PDEATHSIG)
          -s, --subreaper             register as child subreaper (done anyway when init is not PID 1)
          -w, --warn-on-reap          log a warning for every orphan reaped
          -v, --verbose               more log lines: -v info, -vv debug, -vvv trace (default: warnings)
              --log-level LEVEL       error, warning, info, debug or trace
              --log-format FORMAT     text (default) or json
              --sidecar NAME=COMMAND  also run COMMAND (split like a shell would, no shell run) as sidecar NAME,
                                      started before the main command, restarted per its policy; repeatable
              --sidecar-option NAME.KEY=VALUE
                                      a sidecar setting (keys below, e.g. worker.restart=on-failure,
                                      worker.env.MODE=batch)
              --shutdown-delay D      after SIGTERM/SIGINT keep everything running for D, then stop
              --shutdown-delay-forward  pass SIGTERM/SIGINT on to the main command at once, delay or not
              --ready SPEC            when the main command counts as ready: started (default), notify, tcp:PORT,
                                      file:/PATH
              --watchdog D            the main command must send WATCHDOG=1 every D (sd_notify) or be killed
          -h, --help                  print this help and exit
          -V, --version               print the version and exit

        Environment (flags win over INIT_*, INIT_* over the tini/dumb-init spellings):
          INIT_KILL_TIMEOUT=D          as --kill-timeout
          INIT_SIGNAL_TARGET=group|child
          INIT_REWRITE="FROM:TO,..."   as --rewrite
          INIT_SUCCESS_EXIT_CODES="N,..."  as -e
          INIT_PARENT_DEATH_SIGNAL=S   as -p
          INIT_SUBREAPER=1|0           0 stops init registering as subreaper when not PID 1
          INIT_WARN_ON_REAP=1|0        as -w
          INIT_LOG_LEVEL=LEVEL         as --log-level
          INIT_LOG_FORMAT=text|json    as --log-format
          INIT_SHUTDOWN_DELAY=D        as --shutdown-delay
          INIT_SHUTDOWN_DELAY_FORWARD=1|0  as --shutdown-delay-forward
          INIT_SIDECARS__NAME__KEY=V   a sidecar; KEY: COMMAND, RESTART (always|on-failure|never, default always),
                                       RESTART_DELAY (1s), RESTART_BACKOFF (2), RESTART_MAX_DELAY (30s),
                                       MIN_UPTIME (10s, a run this long resets the backoff), MAX_RESTARTS (5)
                                       within RESTART_WINDOW (60s), ON_GIVE_UP (exit|ignore), STOP_SIGNAL (TERM),
                                       STOP_TIMEOUT (the kill timeout), WORKDIR, ENV__VAR, REQUIRED (false; true:
                                       ready before the main command starts, and for `init status --check`),
                                       READY (as --ready), READY_TIMEOUT (60s), WATCHDOG (as --watchdog),
                                       FORWARD_SIGNALS (false; true: also gets what goes to the main command)
          INIT_READY=SPEC, INIT_WATCHDOG=D   as --ready, --watchdog
          INIT_RUNTIME_DIR=DIR         where init publishes its status (default /run/init as PID 1,
                                       /run/init.PID otherwise)
          TINI_SUBREAPER, TINI_KILL_PROCESS_GROUP, TINI_VERBOSITY=0-4, DUMB_INIT_SETSID=0|1 are understood.
          An unknown INIT_* variable is reported as a warning.

        Signals: HUP INT QUIT USR1 USR2 ALRM TERM STKFLT CONT URG XCPU XFSZ VTALRM PROF WINCH IO PWR and
        RTMIN+1..RTMAX are forwarded; TERM and INT are followed by CONT. TSTP, TTIN and TTOU are passed on (to a
        group as STOP), then init stops itself unless it is PID 1; CONT resumes both. Never forwarded: CHLD, KILL, STOP, PIPE, SIGRTMIN and the
        fault signals. When stdin is init's terminal, the child's group is made its foreground group.

        Readiness: when a process has READY=notify or a WATCHDOG, children get NOTIFY_SOCKET (systemd's sd_notify:
        READY=1, STATUS=, WATCHDOG=1, STOPPING=1) and, with a watchdog, WATCHDOG_USEC; a process that stops
        pinging is killed and its restart policy applies.

        Sidecars: started first, in order (flags, then INIT_SIDECARS__* by name); signals other than TERM/INT go to
        the main command only (and to sidecars with FORWARD_SIGNALS). When the main command ends (or after TERM/INT), init stops it, then the sidecars
        in reverse order, each with its STOP_SIGNAL and STOP_TIMEOUT, all within the kill timeout.

        Status: `init status` (e.g. kubectl exec POD -- /init status) prints each process: name, pid, state,
        ready, restarts, uptime, last exit, RSS and CPU time; --json for machines; --check exits 0 only when
        the main process and every REQUIRED sidecar are running and ready (for exec probes), else 1.

        Exit codes: the child's code, or 128+N for death by signal N; 2 for a bad option or environment value;
        126 when a command cannot be executed; 127 when one is not found; 1 when init itself fails to start;
        a sidecar's exit code (1 if that was 0) when it gave up with ON_GIVE_UP=exit.
        """;
}
