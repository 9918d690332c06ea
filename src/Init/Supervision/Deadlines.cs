using Init.Processes;

namespace Init.Supervision;

/// <summary>Every timed rule init has.</summary>
internal enum Rule
{
    /// <summary>The shutdown delay is over: stop everything.</summary>
    ShutdownDelayOver,

    /// <summary>The process being stopped outlived its stop timeout (or the kill timeout): SIGKILL.</summary>
    StopTimeout,

    /// <summary>SIGKILL was sent and its grace passed: move on even if its group still has members.</summary>
    KillGraceOver,

    /// <summary>The process being stopped has ended but its group has not: look again.</summary>
    GroupPoll,

    /// <summary>A sidecar's restart delay is over.</summary>
    Restart,

    /// <summary>Run a polled readiness check (TCP, file) again.</summary>
    ReadinessPoll,

    /// <summary>A REQUIRED sidecar was not ready in time: give up before the main process starts.</summary>
    ReadyTimeout,

    /// <summary>A process sent no WATCHDOG=1 for its interval: kill it.</summary>
    Watchdog,
}

/// <summary>A rule that is due at <paramref name="At"/>, for <paramref name="Process"/> where it is about one.</summary>
internal readonly record struct Due(Rule Rule, TimeSpan At, SupervisedProcess? Process);

/// <summary>
/// The one list of deadlines (docs/design.md, "Deadlines"). The loop sleeps until the earliest of them and
/// fires exactly those that are due, so the wait it computes and the rules that act can never disagree; each
/// rule's action moves its own deadline on or ends it, so a due rule cannot keep the loop awake. The watchdog
/// and readiness rules stop applying once the shutdown has begun, as systemd's do.
/// </summary>
internal static class Deadlines
{
    /// <summary>How long processes get to vanish after SIGKILL before init stops waiting for them (a zombie
    /// whose parent never reaps it would otherwise hold the group, and init, for ever).</summary>
    public static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(2);

    /// <summary>How often a stopped process's group is looked at again: a member whose parent is not init dies
    /// without telling init.</summary>
    public static readonly TimeSpan GroupPollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How often a TCP or file readiness check is repeated until it passes (no wake-ups after).</summary>
    public static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(100);

    public static IEnumerable<Due> All(Supervisor s)
    {
        switch (s.Phase)
        {
            case InitPhase.Delaying:
                yield return new Due(Rule.ShutdownDelayOver, s.DelayEndsAt, null);
                yield break;
            case InitPhase.Stopping when s.Shutdown is { Current: { } current } shutdown:
                yield return shutdown.KilledAt is { } killed
                    ? new Due(Rule.KillGraceOver, killed + KillGrace, current)
                    : new Due(Rule.StopTimeout, shutdown.StepDeadline, current);
                if (shutdown.WaitingForGroup)
                {
                    yield return new Due(Rule.GroupPoll, shutdown.GroupCheckedAt + GroupPollInterval, current);
                }
                yield break;
            case InitPhase.Starting or InitPhase.Running:
                break;
            default:
                yield break;
        }

        foreach (var p in s.All)
        {
            if (p.State == ProcessState.WaitingToRestart)
            {
                yield return new Due(Rule.Restart, p.RestartAt, p);
            }
            if (!p.IsRunning)
            {
                continue;
            }
            if (!p.Ready && p.Spec.Ready.IsPolled)
            {
                yield return new Due(Rule.ReadinessPoll, p.LastReadinessCheck + ReadinessPollInterval, p);
            }
            if (p.Spec.Watchdog is { } interval)
            {
                yield return new Due(Rule.Watchdog, p.LastPing + interval, p);
            }
            if (s.Phase == InitPhase.Starting && p.Spec.Required && !p.Ready)
            {
                yield return new Due(Rule.ReadyTimeout, p.StartedAt + p.Spec.ReadyTimeout, p);
            }
        }
    }

    /// <summary>The earliest deadline; null when nothing is timed (the loop then waits for events only).</summary>
    public static TimeSpan? Next(Supervisor s)
    {
        TimeSpan? next = null;
        foreach (var due in All(s))
        {
            if (next is not { } n || due.At < n)
            {
                next = due.At;
            }
        }
        return next;
    }

    /// <summary>One rule due at <paramref name="now"/>, if any.</summary>
    public static Due? FirstDue(Supervisor s, TimeSpan now)
    {
        foreach (var due in All(s))
        {
            if (due.At <= now)
            {
                return due;
            }
        }
        return null;
    }
}
