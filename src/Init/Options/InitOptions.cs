using Init.Signals;
using Init.Logging;

namespace Init.Options;

internal enum SignalTarget
{
    /// <summary>The child leads its own process group; signals go to the whole group.</summary>
    Group,

    /// <summary>Signals go to the child alone (dumb-init's --single-child).</summary>
    Child,
}

internal enum LogFormat
{
    Text,
    Json,
}

/// <summary>Everything init was told, resolved and checked. Immutable once built.</summary>
internal sealed record InitOptions
{
    /// <summary>Kubernetes' default terminationGracePeriodSeconds: by default init never cuts a shutdown
    /// shorter than the orchestrator would (Docker's `stop` kills at 10 s anyway).</summary>
    public static readonly TimeSpan DefaultKillTimeout = TimeSpan.FromSeconds(30);

    public required IReadOnlyList<string> Command { get; init; }

    public SignalTarget SignalTarget { get; init; } = SignalTarget.Group;

    public TimeSpan KillTimeout { get; init; } = DefaultKillTimeout;

    public SignalRewriteMap Rewrites { get; init; } = SignalRewriteMap.Empty;

    /// <summary>tini's -e: these exit codes of the main child become 0.</summary>
    public IReadOnlySet<int> SuccessExitCodes { get; init; } = ReadOnlyCopies.NoCodes;

    public int? ParentDeathSignal { get; init; }

    /// <summary>Register as child subreaper when not PID 1 (on unless turned off explicitly).</summary>
    public bool Subreaper { get; init; } = true;

    public LogLevel LogLevel { get; init; } = LogLevel.Warning;

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    public bool WarnOnReap { get; init; }

    /// <summary>After SIGTERM, keep everything running this long before stopping (Kubernetes needs a moment
    /// to take the pod out of its endpoints).</summary>
    public TimeSpan ShutdownDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Pass SIGTERM/SIGINT on to the main process at once, even during the shutdown delay (for apps
    /// that drain by themselves on SIGTERM).</summary>
    public bool ForwardDuringDelay { get; init; }

    /// <summary>When the main process counts as ready (for `init status --check`).</summary>
    public Readiness MainReady { get; init; } = Readiness.OnStart;

    /// <summary>The main process must send WATCHDOG=1 this often, or it is killed (and the container ends).</summary>
    public TimeSpan? MainWatchdog { get; init; }

    /// <summary>Processes kept alive beside the main one, in start order.</summary>
    public IReadOnlyList<ProcessSpec> Sidecars { get; init; } = [];

    /// <summary>
    /// Whether `init status` has anything to say beyond "the container runs": only with sidecars, a readiness
    /// check or a watchdog. Without them init writes no status file and creates no directory (a plain
    /// `init -- app` pays nothing for the feature; docs/design.md, "Start-up and memory").
    /// </summary>
    public bool PublishesStatus => Sidecars.Count > 0 || MainReady is not Readiness.Started || MainWatchdog is not null;

    /// <summary>Whether any process reports by sd_notify (READY=notify, or a watchdog): only then is the notify
    /// socket opened, a file and start-up time that nothing else needs.</summary>
    public bool NeedsNotifySocket
    {
        get
        {
            var needed = MainReady is Readiness.Notify || MainWatchdog is not null;
            foreach (var sidecar in Sidecars)
            {
                needed |= sidecar.Ready is Readiness.Notify || sidecar.Watchdog is not null;
            }
            return needed;
        }
    }
}
