using System.Collections.Immutable;
using Microsoft.Extensions.Configuration;

namespace Init.Options;

/// <summary>
/// Settings from the environment, as Kubernetes manifests set them: INIT_* first, then the spellings tini
/// and dumb-init users already have in their manifests. Keys are read one by one (the configuration binder
/// uses reflection, which NativeAOT cannot keep).
/// </summary>
internal static class EnvironmentSettings
{
    public const string SubreaperKey = "INIT_SUBREAPER";
    public const string SignalTargetKey = "INIT_SIGNAL_TARGET";
    public const string KillTimeoutKey = "INIT_KILL_TIMEOUT";
    public const string RewriteKey = "INIT_REWRITE";
    public const string SuccessExitCodesKey = "INIT_SUCCESS_EXIT_CODES";
    public const string ParentDeathSignalKey = "INIT_PARENT_DEATH_SIGNAL";
    public const string LogLevelKey = "INIT_LOG_LEVEL";
    public const string LogFormatKey = "INIT_LOG_FORMAT";
    public const string WarnOnReapKey = "INIT_WARN_ON_REAP";
    public const string ShutdownDelayKey = "INIT_SHUTDOWN_DELAY";
    public const string RuntimeDirKey = "INIT_RUNTIME_DIR";
    public const string ReadyKey = "INIT_READY";
    public const string ForwardDuringDelayKey = "INIT_SHUTDOWN_DELAY_FORWARD";
    public const string WatchdogKey = "INIT_WATCHDOG";

    public static readonly IReadOnlySet<string> KnownInitKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        SubreaperKey, SignalTargetKey, KillTimeoutKey, RewriteKey, SuccessExitCodesKey, ParentDeathSignalKey,
        LogLevelKey, LogFormatKey, WarnOnReapKey, ShutdownDelayKey, RuntimeDirKey, ReadyKey, WatchdogKey,
        ForwardDuringDelayKey,
    };

    public static IConfiguration FromProcessEnvironment() =>
        new ConfigurationBuilder().AddEnvironmentVariables().Build();

    /// <summary>INIT_* layered over the TINI_*/DUMB_INIT_* spellings.</summary>
    public static Settings Read(IConfiguration env) => ReadInit(env).Over(ReadCompatible(env));

    public static Settings ReadInit(IConfiguration env)
    {
        T? Get<T>(string key, Func<string, string, T> parse) where T : struct =>
            env[key] is { } value ? parse(key, value) : null;

        return new Settings
        {
            Subreaper = Get(SubreaperKey, ValueParsers.Boolean),
            SignalTarget = Get(SignalTargetKey, ValueParsers.Target),
            KillTimeout = Get(KillTimeoutKey, ValueParsers.Duration),
            Rewrites = env[RewriteKey] is { } rewrites ? ValueParsers.Rewrites(RewriteKey, rewrites) : null,
            SuccessExitCodes = env[SuccessExitCodesKey] is { } codes ? ValueParsers.ExitCodes(SuccessExitCodesKey, codes) : null,
            ParentDeathSignal = Get(ParentDeathSignalKey, ValueParsers.Signal),
            LogLevel = Get(LogLevelKey, ValueParsers.LogLevel),
            LogFormat = Get(LogFormatKey, ValueParsers.Format),
            WarnOnReap = Get(WarnOnReapKey, ValueParsers.Boolean),
            ShutdownDelay = Get(ShutdownDelayKey, ValueParsers.Duration),
            ForwardDuringDelay = Get(ForwardDuringDelayKey, ValueParsers.Boolean),
            MainReady = env[ReadyKey] is { } ready ? Readiness.Parse(ReadyKey, ready) : null,
            MainWatchdog = Get(WatchdogKey, ValueParsers.Duration),
            Sidecars = ReadSidecars(env),
        };
    }

    /// <summary>INIT_SIDECARS__NAME__KEY (the provider turns "__" into ":"); names in alphabetical order.</summary>
    private static ImmutableList<SidecarDeclaration>? ReadSidecars(IConfiguration env)
    {
        var section = env.GetSection(SidecarSpecs.EnvPrefix);
        var declarations = ImmutableList<SidecarDeclaration>.Empty;
        foreach (var sidecar in section.GetChildren())
        {
            var prefix = $"{SidecarSpecs.EnvPrefix}__{sidecar.Key}";
            var declaration = SidecarDeclaration.Empty(SidecarSpecs.CheckName(sidecar.Key, prefix));
            foreach (var (path, value) in sidecar.AsEnumerable(makePathsRelative: true))
            {
                if (value is null)
                {
                    continue;
                }
                var source = $"{prefix}__{path.Replace(":", "__", StringComparison.Ordinal)}";
                declaration = declaration.With(SidecarSpecs.NormaliseKey(path, source), new SourcedValue(value, source));
            }
            declarations = declarations.Add(declaration);
        }
        return declarations.IsEmpty ? null : declarations;
    }

    /// <summary>tini treats TINI_SUBREAPER and TINI_KILL_PROCESS_GROUP as on when merely set; dumb-init's
    /// DUMB_INIT_SETSID=0 means "signal the child only".</summary>
    public static Settings ReadCompatible(IConfiguration env)
    {
        SignalTarget? target = null;
        if (env["DUMB_INIT_SETSID"] is { } setsid)
        {
            target = ValueParsers.Boolean("DUMB_INIT_SETSID", setsid) ? SignalTarget.Group : SignalTarget.Child;
        }
        if (env["TINI_KILL_PROCESS_GROUP"] is not null)
        {
            target = SignalTarget.Group;
        }

        Serilog.Events.LogEventLevel? level = null;
        if (env["TINI_VERBOSITY"] is { } verbosity)
        {
            level = int.TryParse(verbosity, System.Globalization.NumberStyles.None, null, out var n)
                ? ValueParsers.Verbosity(n)
                : throw new UsageException($"TINI_VERBOSITY: '{verbosity}' is not valid; expected a number, 0 (errors only) to 4 (trace)");
        }

        return new Settings
        {
            Subreaper = env["TINI_SUBREAPER"] is not null ? true : null,
            SignalTarget = target,
            LogLevel = level,
        };
    }

    /// <summary>INIT_* variables init does not know: a typo in a manifest should not pass silently.</summary>
    public static IReadOnlyList<string> UnknownInitKeys(IConfiguration env)
    {
        var unknown = new List<string>();
        foreach (var (key, value) in env.AsEnumerable())
        {
            // The provider turns "__" into ":"; show the variable as it was written.
            if (value is not null && key.StartsWith("INIT_", StringComparison.Ordinal) && !KnownInitKeys.Contains(key) &&
                !key.StartsWith(SidecarSpecs.EnvPrefix + ":", StringComparison.OrdinalIgnoreCase))
            {
                unknown.Add(key.Replace(":", "__", StringComparison.Ordinal));
            }
        }
        unknown.Sort(StringComparer.Ordinal);
        return unknown;
    }
}
