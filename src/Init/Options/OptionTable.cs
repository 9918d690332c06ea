namespace Init.Options;

/// <summary>
/// Every option of init, once. The command line, the environment, --help and (through a test) the README's
/// Usage table all come from here, in this order.
/// </summary>
internal static class OptionTable
{
    // Static fields initialise in textual order: what All uses comes first.
    private static readonly ReadVariable ReadLogLevel = (s, source, v) => s with { LogLevel = ValueParsers.LogLevel(source, v) };

    private static readonly EnvVariable SignalTargetEnv = new("INIT_SIGNAL_TARGET", "group|child",
        (s, key, v) => s with { SignalTarget = ValueParsers.Target(key, v) }, ["group: as -g, child: as -c"]);

    private static readonly EnvVariable LogLevelEnv = new("INIT_LOG_LEVEL", "LEVEL", ReadLogLevel, ["as --log-level"]);

    // tini's switches count when merely set, whatever the value (tini reads them so).
    private static readonly EnvVariable TiniSubreaper = new("TINI_SUBREAPER", null,
        (s, _, _) => s with { Subreaper = true }, ["set to anything: as -s"]);

    private static readonly EnvVariable TiniKillProcessGroup = new("TINI_KILL_PROCESS_GROUP", null,
        (s, _, _) => s with { SignalTarget = SignalTarget.Group }, ["set to anything: as -g"]);

    // As dumb-init reads it: only 0 turns the group off; any other value leaves it on.
    private static readonly EnvVariable DumbInitSetsid = new("DUMB_INIT_SETSID", "0|1",
        (s, _, v) => s with { SignalTarget = v.Trim() == "0" ? SignalTarget.Child : SignalTarget.Group },
        ["0: as -c; any other value: as -g"]);

    private static readonly EnvVariable TiniVerbosity = new("TINI_VERBOSITY", "0-4",
        (s, key, v) => s with { LogLevel = ValueParsers.VerbosityNumber(key, v) },
        ["0 errors only, 1 warnings (the default), 2 info, 3 debug, 4 trace"]);

    private static readonly OptionDefinition[] Table =
    {
        Value("--kill-timeout", 't', "D", "INIT_KILL_TIMEOUT", (s, source, v) => s with { KillTimeout = ValueParsers.Duration(source, v) },
            "after SIGTERM/SIGINT, or once the main child has exited, wait up to D",
            "(10s, 1500ms, 2m; default 30s, Kubernetes' grace period), then SIGKILL",
            "what is left"),
        new()
        {
            Long = "--process-group", Short = 'g', Apply = (f, _, _) => f with { Group = true },
            Env = SignalTargetEnv,
            // tini's spelling after dumb-init's: read later, it wins when both are set.
            Compatible = [DumbInitSetsid, TiniKillProcessGroup],
            Help = ["send signals to the child's whole process group (the default)"],
        },
        new()
        {
            Long = "--single-child", Short = 'c', Apply = (f, _, _) => f with { Child = true },
            Env = SignalTargetEnv, Compatible = [DumbInitSetsid],
            Help = ["send signals to the child only, not its process group"],
        },
        new()
        {
            Long = "--rewrite", Short = 'r', ValueName = "FROM:TO", Apply = Sets(AddRewrite),
            Env = new("INIT_REWRITE", "\"FROM:TO,...\"", (s, key, v) => s with { Rewrites = ValueParsers.Rewrites(key, v) }),
            Help = ["pass signal FROM on as TO (names or numbers; TO=0 drops FROM); repeatable"],
        },
        new()
        {
            Long = "--success-exit-code", Short = 'e', ValueName = "N", Apply = Sets(AddSuccessExitCode),
            Env = new("INIT_SUCCESS_EXIT_CODES", "\"N,...\"",
                (s, key, v) => s with { SuccessExitCodes = ValueParsers.ExitCodes(key, v) }),
            Help = ["report the child's exit code N (0-255, e.g. 143 for SIGTERM) as 0;", "repeatable"],
        },
        Value("--parent-death-signal", 'p', "S", "INIT_PARENT_DEATH_SIGNAL",
            (s, source, v) => s with { ParentDeathSignal = ValueParsers.Signal(source, v) },
            "signal init gets when its parent dies (prctl PR_SET_PDEATHSIG)"),
        OnOff("--subreaper", 's', "INIT_SUBREAPER", (s, on) => s with { Subreaper = on },
            "register as child subreaper (done anyway when init is not PID 1,",
            "unless INIT_SUBREAPER=0)") with { Compatible = [TiniSubreaper] },
        OnOff("--warn-on-reap", 'w', "INIT_WARN_ON_REAP", (s, on) => s with { WarnOnReap = on },
            "log a warning for every orphan reaped"),
        new()
        {
            Long = "--verbose", Short = 'v', Apply = (f, _, _) => f with { Verbosity = f.Verbosity + 1 },
            Env = LogLevelEnv, Compatible = [TiniVerbosity],
            Help = ["more log lines: -v info, -vv debug, -vvv trace (default: warnings)"],
        },
        new()
        {
            Long = "--log-level", ValueName = "LEVEL", Apply = Sets(ReadLogLevel), Env = LogLevelEnv,
            Help = ["error, warning, info, debug or trace"],
        },
        Value("--log-format", null, "FORMAT", "INIT_LOG_FORMAT", (s, source, v) => s with { LogFormat = ValueParsers.Format(source, v) },
            "text (default) or json, one object a line for log shippers"),
        Value("--shutdown-delay", null, "D", "INIT_SHUTDOWN_DELAY",
            (s, source, v) => s with { ShutdownDelay = ValueParsers.Duration(source, v) },
            "after SIGTERM/SIGINT keep everything running for D, then stop"),
        OnOff("--shutdown-delay-forward", null, "INIT_SHUTDOWN_DELAY_FORWARD", (s, on) => s with { ForwardDuringDelay = on },
            "pass SIGTERM/SIGINT on to the main command at once, delay or not"),
        new()
        {
            Long = "--sidecar", ValueName = "NAME=COMMAND", Apply = Sets(SidecarFlags.Command),
            Help =
            [
                "also run COMMAND (split like a shell would, no shell run) as sidecar NAME,",
                "started before the main command, restarted per its policy; repeatable",
            ],
        },
        new()
        {
            Long = "--sidecar-option", ValueName = "NAME.KEY=VALUE", Apply = Sets(SidecarFlags.Option),
            Help = ["a sidecar setting (keys below, e.g. worker.restart=on-failure,", "worker.env.MODE=batch)"],
        },
        Value("--ready", null, "SPEC", "INIT_READY", (s, source, v) => s with { MainReady = Readiness.Parse(source, v) },
            "when the main command counts as ready: started (default), notify, tcp:PORT,", "file:/PATH"),
        Value("--watchdog", null, "D", "INIT_WATCHDOG", (s, source, v) => s with { MainWatchdog = ValueParsers.Interval(source, v) },
            "the main command must send WATCHDOG=1 every D (sd_notify) or be killed"),
        new()
        {
            Long = "--help", Short = 'h', Apply = (f, _, _) => f with { Action = InitAction.Help },
            Help = ["print this help and exit"],
        },
        new()
        {
            Long = "--version", Short = 'V', Apply = (f, _, _) => f with { Action = InitAction.Version },
            Help = ["print the version and exit"],
        },
    };

    /// <summary>Variables no flag stands for.</summary>
    private static readonly EnvVariable[] OnlyInEnvironment =
    {
        // `init status` runs without Settings and reads it itself (Status.RuntimeDirectory).
        new(EnvironmentSettings.RuntimeDirKey, "DIR", Read: null,
            ["where init publishes its status (default /run/init as PID 1,", "/run/init.PID otherwise)"]),
    };

    /// <summary>Every INIT_* variable, once, in table order.</summary>
    public static readonly IReadOnlyList<EnvVariable> Variables = CollectVariables();

    public static IReadOnlyList<OptionDefinition> All => Table;

    public static IReadOnlyList<EnvVariable> EnvironmentOnly => OnlyInEnvironment;

    /// <summary>The tini and dumb-init spellings, once, in the order they are read.</summary>
    public static readonly IReadOnlyList<EnvVariable> CompatibleVariables = CollectCompatibleVariables();

    // Plain loops over the arrays, run once at start-up: several options share a variable (-g and -c), and
    // the tables are short, so a linear search is the cheapest way to keep each once.
    private static List<EnvVariable> CollectVariables()
    {
        var variables = new List<EnvVariable>(Table.Length);
        foreach (var option in Table)
        {
            AddOnce(variables, option.Env);
        }
        foreach (var variable in OnlyInEnvironment)
        {
            AddOnce(variables, variable);
        }
        return variables;
    }

    private static List<EnvVariable> CollectCompatibleVariables()
    {
        var variables = new List<EnvVariable>();
        foreach (var option in Table)
        {
            for (var i = 0; i < option.Compatible.Count; i++)
            {
                AddOnce(variables, option.Compatible[i]);
            }
        }
        return variables;
    }

    private static void AddOnce(List<EnvVariable> variables, EnvVariable? variable)
    {
        if (variable is null)
        {
            return;
        }
        foreach (var known in variables)
        {
            if (ReferenceEquals(known, variable))
            {
                return;
            }
        }
        variables.Add(variable);
    }

    /// <summary>A flag and a variable that read the same value the same way.</summary>
    private static OptionDefinition Value(string flag, char? letter, string valueName, string key, ReadVariable read,
        params string[] help) => new()
    {
        Long = flag, Short = letter, ValueName = valueName, Apply = Sets(read), Env = new(key, valueName, read), Help = help,
    };

    /// <summary>A switch that turns a setting on, and a 1|0 variable that turns it on or off.</summary>
    private static OptionDefinition OnOff(string flag, char? letter, string key, Func<Settings, bool, Settings> set,
        params string[] help) => new()
    {
        Long = flag, Short = letter, Apply = (f, _, _) => f with { Settings = set(f.Settings, true) },
        Env = new(key, "1|0", (s, k, v) => set(s, ValueParsers.Boolean(k, v))), Help = help,
    };

    /// <summary>A value flag whose value goes straight into the settings (the parser never passes it null).</summary>
    private static ApplyFlag Sets(ReadVariable read) => (f, flag, value) => f with { Settings = read(f.Settings, flag, value!) };

    private static Settings AddRewrite(Settings s, string flag, string value)
    {
        var (from, to) = ValueParsers.Rewrite(flag, value);
        return s with { Rewrites = ReadOnlyCopies.With(s.Rewrites, from, to) };
    }

    private static Settings AddSuccessExitCode(Settings s, string flag, string value) =>
        s with { SuccessExitCodes = ReadOnlyCopies.With(s.SuccessExitCodes, ValueParsers.ExitCode(flag, value)) };
}
