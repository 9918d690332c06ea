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

    /// <summary>How long a TCP readiness connect may go unanswered (a listener whose backlog is full drops the
    /// SYN) before it is dropped and the next poll sends a fresh one. The kernel would send the SYN again only
    /// after its first retransmission timeout, 1 s, then 3 s, 7 s, ... later: waiting longer on the same connect
    /// would only be slower to see a listener that has caught up.</summary>
    public static readonly TimeSpan ReadinessConnectTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Every rule that applies now, with its deadline (for tests and diagnostics).</summary>
    public static List<Due> All(Supervisor s)
    {
        var collect = new Collect([]);
        Visit(s, ref collect);
        return collect.Dues;
    }

    /// <summary>The earliest deadline; null when nothing is timed (the loop then waits for events only).</summary>
    public static TimeSpan? Next(Supervisor s)
    {
        var earliest = new Earliest();
        Visit(s, ref earliest);
        return earliest.At;
    }

    /// <summary>One rule due at <paramref name="now"/>, if any.</summary>
    public static Due? FirstDue(Supervisor s, TimeSpan now)
    {
        var first = new FirstDueAt(now);
        Visit(s, ref first);
        return first.Found;
    }

    /// <summary>What looks at each rule in turn; false stops the walk.</summary>
    private interface IVisitor
    {
        bool Visit(in Due due);
    }

    /// <summary>The rules, walked without an iterator or enumerator: the loop asks twice per wake-up, and a
    /// wake-up per signal must allocate nothing (docs/design.md, "Start-up and memory").</summary>
    private static void Visit<T>(Supervisor s, ref T visitor) where T : struct, IVisitor
    {
        switch (s.Phase)
        {
            case InitPhase.Delaying:
                visitor.Visit(new Due(Rule.ShutdownDelayOver, s.DelayEndsAt, null));
                return;
            case InitPhase.Stopping when s.Shutdown is { Current: { } current } shutdown:
                var step = shutdown.KilledAt is { } killed
                    ? new Due(Rule.KillGraceOver, killed + KillGrace, current)
                    : new Due(Rule.StopTimeout, shutdown.StepDeadline, current);
                if (visitor.Visit(step) && shutdown.WaitingForGroup)
                {
                    visitor.Visit(new Due(Rule.GroupPoll, shutdown.GroupCheckedAt + GroupPollInterval, current));
                }
                return;
            case InitPhase.Starting or InitPhase.Running:
                break;
            default:
                return;
        }

        var all = s.All;
        for (var i = 0; i < all.Count; i++)
        {
            var p = all[i];
            if (p.State == ProcessState.WaitingToRestart && !visitor.Visit(new Due(Rule.Restart, p.RestartAt, p)))
            {
                return;
            }
            if (!p.IsRunning)
            {
                continue;
            }
            if (!p.Ready && p.Spec.Ready.IsPolled &&
                !visitor.Visit(new Due(Rule.ReadinessPoll, p.LastReadinessCheck + ReadinessPollInterval, p)))
            {
                return;
            }
            if (p.Spec.Watchdog is { } interval && !visitor.Visit(new Due(Rule.Watchdog, p.LastPing + interval, p)))
            {
                return;
            }
            if (s.Phase == InitPhase.Starting && p.Spec.Required && !p.Ready &&
                !visitor.Visit(new Due(Rule.ReadyTimeout, p.StartedAt + p.Spec.ReadyTimeout, p)))
            {
                return;
            }
        }
    }

    private struct Collect(List<Due> dues) : IVisitor
    {
        public readonly List<Due> Dues = dues;

        public readonly bool Visit(in Due due)
        {
            Dues.Add(due);
            return true;
        }
    }

    private struct Earliest : IVisitor
    {
        public TimeSpan? At;

        public bool Visit(in Due due)
        {
            if (At is not { } at || due.At < at)
            {
                At = due.At;
            }
            return true;
        }
    }

    private struct FirstDueAt(TimeSpan now) : IVisitor
    {
        public Due? Found;

        public bool Visit(in Due due)
        {
            if (due.At > now)
            {
                return true;
            }
            Found = due;
            return false;
        }
    }
}
