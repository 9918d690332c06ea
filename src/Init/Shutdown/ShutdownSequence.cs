using Init.Options;
using Init.Posix;
using Init.Processes;
using Init.Signals;
using Init.Logging;

namespace Init.Shutdown;

/// <summary>
/// Stops processes one after another: the main one (and what it left in its group), then the sidecars in
/// reverse start order, each with its stop signal and stop timeout, all within the overall kill timeout.
/// It keeps the facts the deadline rules read (Supervision/Deadlines.cs) and acts when they fire; it never
/// reads the clock itself.
/// </summary>
internal sealed class ShutdownSequence
{
    private readonly IReadOnlyList<SupervisedProcess> _order;
    private readonly int _mainSignal;
    private readonly TimeSpan _killTimeout;
    private readonly Signaler _signaler;
    private readonly IProcesses _processes;
    private readonly Log _log;
    private readonly bool _isPid1;
    private readonly bool _leaveLeftovers;
    private bool _mainSignalSent;
    private int _index = -1;

    /// <param name="order">main first, then the sidecars in reverse start order.</param>
    /// <param name="mainSignal">what the main process gets (SIGTERM, or the rewritten shutdown signal).</param>
    /// <param name="mainAlreadySignaled">it had it during the shutdown delay already.</param>
    /// <param name="target">with <see cref="SignalTarget.Child"/> and not PID 1, what the main process leaves
    /// behind is left alone, as dumb-init's --single-child does (as PID 1 the kernel would kill it unwarned
    /// when init exits, so it is stopped gracefully first).</param>
    public ShutdownSequence(IReadOnlyList<SupervisedProcess> order, int mainSignal, TimeSpan now, TimeSpan killTimeout,
        bool mainAlreadySignaled, Signaler signaler, IProcesses processes, Log log, bool isPid1, SignalTarget target)
    {
        _leaveLeftovers = target == SignalTarget.Child && !isPid1;
        _order = order;
        _mainSignal = mainSignal;
        _killTimeout = killTimeout;
        _mainSignalSent = mainAlreadySignaled;
        _signaler = signaler;
        _processes = processes;
        _log = log;
        _isPid1 = isPid1;
        OverallDeadline = now + killTimeout;
    }

    public bool Finished { get; private set; }

    /// <summary>The process being stopped now.</summary>
    public SupervisedProcess? Current => _index >= 0 && _index < _order.Count ? _order[_index] : null;

    /// <summary>Everything still running gets SIGKILL by then.</summary>
    public TimeSpan OverallDeadline { get; }

    /// <summary>When the current step's stop timeout runs out (never later than the overall deadline).</summary>
    public TimeSpan StepDeadline { get; private set; }

    /// <summary>When the current step's processes were sent SIGKILL; null before that.</summary>
    public TimeSpan? KilledAt { get; private set; }

    /// <summary>The current process has ended but members of its group have not (they may not be init's
    /// children, so no SIGCHLD tells when they go).</summary>
    public bool WaitingForGroup { get; private set; }

    /// <summary>When <see cref="WaitingForGroup"/> was last found out.</summary>
    public TimeSpan GroupCheckedAt { get; private set; }

    /// <summary>Moves on while the current step is done, starting the next; call after anything happened.</summary>
    public void Advance(TimeSpan now)
    {
        while (!Finished)
        {
            if (Current is { } current && !IsDone(current, now))
            {
                if (current.IsMain)
                {
                    NudgeMain(current);
                }
                return;
            }
            MoveNext(now);
        }
    }

    /// <summary>A second TERM/INT during the shutdown goes to whatever is being stopped now.</summary>
    public void Forward(int signal)
    {
        if (Current is { } p)
        {
            if (p.IsMain)
            {
                _signaler.ToMain(p, signal);
            }
            else
            {
                _signaler.ToGroup(p, signal);
            }
        }
    }

    /// <summary>The step's stop timeout (or the overall kill timeout) ran out: SIGKILL.</summary>
    public void Kill(TimeSpan now)
    {
        if (Current is not { } p || KilledAt is not null)
        {
            return;
        }
        KilledAt = now;
        if (p.IsMain && _leaveLeftovers)
        {
            _processes.Signal(p.Pid, SignalNumbers.Kill);
            _log.Write(LogEvents.KillTimeout, _killTimeout, p, $"pid {p.Pid}", LogValue.Flag(false, "", ""));
            return;
        }
        var left = _processes.DescribeGroup(p.Pid);
        if (p.Pid > 0)
        {
            _processes.SignalGroup(p.Pid, SignalNumbers.Kill);
        }
        var overall = now >= OverallDeadline;
        var everything = _isPid1 && overall;
        if (everything)
        {
            _processes.SignalEveryone(SignalNumbers.Kill);
        }
        if (overall)
        {
            _log.Write(LogEvents.KillTimeout, _killTimeout, p, left, LogValue.Flag(everything, " and every process left", ""));
        }
        else
        {
            _log.Write(LogEvents.StopTimeout, p.Spec.StopTimeout ?? _killTimeout, p, left);
        }
    }

    /// <summary>SIGKILL was sent and its grace is over: whatever still holds the group (a zombie whose parent
    /// never reaps it) no longer holds up the shutdown.</summary>
    public void GiveUpOnStep(TimeSpan now)
    {
        if (Current is { } p)
        {
            _log.Write(LogEvents.GroupLingers, p);
        }
        MoveNext(now);
        Advance(now);
    }

    private void MoveNext(TimeSpan now)
    {
        _index++;
        KilledAt = null;
        WaitingForGroup = false;
        if (Current is { } next)
        {
            StartStep(next, now);
        }
        else
        {
            Finished = true;
        }
    }

    private bool IsDone(SupervisedProcess p, TimeSpan now)
    {
        if (p.IsRunning)
        {
            WaitingForGroup = false;
            return false;
        }
        GroupCheckedAt = now;
        WaitingForGroup = p.Pid > 0 && !(p.IsMain && _leaveLeftovers) && _processes.GroupExists(p.Pid);
        return !WaitingForGroup;
    }

    private void StartStep(SupervisedProcess p, TimeSpan now)
    {
        var timeout = p.Spec.StopTimeout ?? _killTimeout;
        StepDeadline = now + timeout < OverallDeadline ? now + timeout : OverallDeadline;
        if (p.IsMain)
        {
            NudgeMain(p);
            return;
        }
        if (p.IsRunning || (p.Pid > 0 && _processes.GroupExists(p.Pid)))
        {
            var signal = p.Spec.StopSignal ?? SignalNumbers.Term;
            _log.Write(LogEvents.Stopping, p, SignalNames.Name(signal));
            _signaler.StopGroup(p, signal);
        }
    }

    /// <summary>The main process gets the shutdown signal once; once it has ended, what it left in its group
    /// gets SIGTERM once (unless the group already had it).</summary>
    private void NudgeMain(SupervisedProcess p)
    {
        if (p.IsRunning && !_mainSignalSent)
        {
            _mainSignalSent = true;
            _signaler.StopMain(p, _mainSignal);
        }
        else if (!p.IsRunning && p.Pid > 0 && !_leaveLeftovers && !_signaler.MainGroupGotTerm && _processes.GroupExists(p.Pid))
        {
            _log.Write(LogEvents.StoppingLeftovers, p, SignalNames.Name(SignalNumbers.Term));
            _signaler.StopLeftovers(p);
        }
    }
}
