using Init.Logging;

namespace Init.Options;

/// <summary>
/// What one source (flags, INIT_*, or the tini/dumb-init spellings) said; null where it said nothing.
/// Sources are layered with <see cref="Over"/>: flag > INIT_* > TINI_*/DUMB_INIT_* > default.
/// </summary>
internal sealed record Settings
{
    public static readonly Settings None = new();

    public SignalTarget? SignalTarget { get; init; }
    public TimeSpan? KillTimeout { get; init; }
    public IReadOnlyDictionary<int, int>? Rewrites { get; init; }
    public IReadOnlySet<int>? SuccessExitCodes { get; init; }
    public int? ParentDeathSignal { get; init; }
    public bool? Subreaper { get; init; }
    public LogLevel? LogLevel { get; init; }
    public LogFormat? LogFormat { get; init; }
    public bool? WarnOnReap { get; init; }
    public TimeSpan? ShutdownDelay { get; init; }
    public bool? ForwardDuringDelay { get; init; }
    public Readiness? MainReady { get; init; }
    public TimeSpan? MainWatchdog { get; init; }
    public IReadOnlyList<SidecarDeclaration>? Sidecars { get; init; }

    /// <summary>This source wins where it spoke; rewrite maps merge, this source's entry winning per signal.</summary>
    public Settings Over(Settings lower) => new()
    {
        SignalTarget = SignalTarget ?? lower.SignalTarget,
        KillTimeout = KillTimeout ?? lower.KillTimeout,
        Rewrites = Rewrites is null ? lower.Rewrites : lower.Rewrites is null ? Rewrites : ReadOnlyCopies.Over(Rewrites, lower.Rewrites),
        SuccessExitCodes = SuccessExitCodes ?? lower.SuccessExitCodes,
        ParentDeathSignal = ParentDeathSignal ?? lower.ParentDeathSignal,
        Subreaper = Subreaper ?? lower.Subreaper,
        LogLevel = LogLevel ?? lower.LogLevel,
        LogFormat = LogFormat ?? lower.LogFormat,
        WarnOnReap = WarnOnReap ?? lower.WarnOnReap,
        ShutdownDelay = ShutdownDelay ?? lower.ShutdownDelay,
        ForwardDuringDelay = ForwardDuringDelay ?? lower.ForwardDuringDelay,
        MainReady = MainReady ?? lower.MainReady,
        MainWatchdog = MainWatchdog ?? lower.MainWatchdog,
        Sidecars = Sidecars is null && lower.Sidecars is null ? null : SidecarDeclaration.Merge(Sidecars, lower.Sidecars),
    };

    public InitOptions ToOptions(IReadOnlyList<string> command)
    {
        var defaults = new InitOptions { Command = command };
        return defaults with
        {
            SignalTarget = SignalTarget ?? defaults.SignalTarget,
            KillTimeout = KillTimeout ?? defaults.KillTimeout,
            Rewrites = Rewrites is null ? defaults.Rewrites : defaults.Rewrites.With(Rewrites),
            SuccessExitCodes = SuccessExitCodes ?? defaults.SuccessExitCodes,
            ParentDeathSignal = ParentDeathSignal ?? defaults.ParentDeathSignal,
            Subreaper = Subreaper ?? defaults.Subreaper,
            LogLevel = LogLevel ?? defaults.LogLevel,
            LogFormat = LogFormat ?? defaults.LogFormat,
            WarnOnReap = WarnOnReap ?? defaults.WarnOnReap,
            ShutdownDelay = ShutdownDelay ?? defaults.ShutdownDelay,
            ForwardDuringDelay = ForwardDuringDelay ?? defaults.ForwardDuringDelay,
            MainReady = MainReady ?? defaults.MainReady,
            MainWatchdog = MainWatchdog ?? defaults.MainWatchdog,
            Sidecars = Sidecars is null ? defaults.Sidecars : SidecarSpecs.Build(Sidecars),
        };
    }
}
