using Init.Posix;
using Init.Processes;
using Init.Logging;

namespace Init.Supervision;

/// <summary>
/// The one loop, on the one thread init has (docs/design.md, "The loop"), as in tini and catatonit: sleep in
/// poll(2) on the signalfd (and the notify socket, when there is one) until the next deadline; then hand each
/// signal to the supervisor in the order the kernel gives them, reaping every child on SIGCHLD, then every
/// notify message, then every rule that is due. No other thread, no queue, no handler.
/// </summary>
internal sealed class EventLoop(Supervisor supervisor, SignalFd signals, NotifySocket? notify, IClock clock,
    Status.StatusPublisher? status, Log log)
{
    /// <summary>A bug guard: rules fired in one wake-up beyond this mean one of them does not move on.</summary>
    private const int MaxFiringsPerWake = 10_000;

    private const int PollFailurePauseMs = 100;

    private readonly List<ReceivedSignal> _signals = [];
    private readonly List<ChildEvent> _children = [];
    private int _publishedVersion = -1;
    private readonly IdleWakeGuard _idleWakes = new();

    /// <returns>init's exit code.</returns>
    public int Run()
    {
        if (supervisor.Start() is { } cannotRun)
        {
            return cannotRun;
        }
        Span<int> fds = notify is null ? [signals.Fd] : [signals.Fd, notify.Fd];
        Span<FdState> states = stackalloc FdState[fds.Length];
        Publish();
        while (supervisor.Phase != InitPhase.Done)
        {
            Wait(fds, states);
            var happened = false;
            if (states[0] == FdState.Readable)
            {
                happened |= HandleSignals();
            }
            if (fds.Length > 1 && states[1] == FdState.Readable)
            {
                happened |= HandleNotify();
            }
            else if (fds.Length > 1 && states[1] == FdState.Broken)
            {
                // Polling it again would return at once, for ever: a spin. Readiness by notify stops working.
                log.Write(LogEvents.NotifySocketFailed);
                fds = fds[..1];
                happened = true;
            }
            happened |= FireDueRules();
            Guarded(static (s, _) => s.Settle(), 0);
            NoteIdleWake(happened);
            Publish();
        }
        status?.Remove();
        return supervisor.ExitCode();
    }

    /// <summary>Sleeps until a descriptor is readable or the next deadline. Should poll itself fail (ENOMEM),
    /// init pauses briefly instead of retrying at once: PID 1 must neither die nor spin.</summary>
    private void Wait(ReadOnlySpan<int> fds, Span<FdState> states)
    {
        try
        {
            Readable.Wait(fds, TimeoutMs(Deadlines.Next(supervisor), clock.Now), states);
        }
        catch (SystemCallFailed e)
        {
            log.Write(LogEvents.PollFailed, e.Message, TimeSpan.FromMilliseconds(PollFailurePauseMs));
            Thread.Sleep(PollFailurePauseMs);
        }
    }

    /// <summary>Milliseconds until <paramref name="due"/>, rounded up so the loop never wakes before it; -1 for none.</summary>
    public static int TimeoutMs(TimeSpan? due, TimeSpan now) =>
        due is not { } at ? -1 : at <= now ? 0 : (int)Math.Min(Math.Ceiling((at - now).TotalMilliseconds), int.MaxValue);

    private bool HandleSignals()
    {
        _signals.Clear();
        signals.ReadAll(_signals);
        foreach (var signal in _signals)
        {
            if (signal.Signal == SignalNumbers.Chld)
            {
                _children.Clear();
                Guarded(static (_, children) => Reaper.ReapAll(children), _children);
                foreach (var child in _children)
                {
                    Guarded(static (s, c) => s.OnChild(c), child);
                }
            }
            else
            {
                if (log.IsEnabled(LogEvents.SignalReceived.Level))
                {
                    log.Write(LogEvents.SignalReceived, Signals.SignalNames.Name(signal.Signal), signal.SenderPid);
                }
                Guarded(static (s, number) => s.OnSignal(number), signal.Signal);
            }
        }
        return _signals.Count > 0;
    }

    private bool HandleNotify()
    {
        var any = false;
        while (notify!.Receive() is { } message)
        {
            any = true;
            Guarded(static (s, m) => s.OnNotify(m.Pid, m.Message), message);
        }
        return any;
    }

    private bool FireDueRules()
    {
        for (var fired = 0; fired < MaxFiringsPerWake; fired++)
        {
            if (Deadlines.FirstDue(supervisor, clock.Now) is not { } due)
            {
                return fired > 0;
            }
            Guarded(static (s, d) => s.OnDue(d), due);
        }
        log.Write(LogEvents.DeadlinesKeptFiring, MaxFiringsPerWake);
        return true;
    }

    private void NoteIdleWake(bool happened)
    {
        if (_idleWakes.ShouldWarn(happened))
        {
            log.Write(LogEvents.IdleWake, Deadlines.Next(supervisor) is { } next ? next - clock.Now : LogValue.None);
        }
    }

    private void Publish()
    {
        if (status is null)
        {
            return;
        }
        var version = supervisor.Version;
        if (version != _publishedVersion)
        {
            _publishedVersion = version;
            var snapshots = new List<Status.ProcessSnapshot>(supervisor.All.Count);
            foreach (var process in supervisor.All)
            {
                snapshots.Add(StatusSnapshots.Of(process));
            }
            status.Publish(ProcessControl.Pid, snapshots);
        }
    }

    /// <summary>PID 1 must not die with children running: an unexpected error is reported and the loop goes on.
    /// The actions are static lambdas given their argument, so nothing is allocated per signal or per child.</summary>
    private void Guarded<T>(Action<Supervisor, T> action, T argument)
    {
        try
        {
            action(supervisor, argument);
        }
        catch (Exception e)
        {
            log.Write(LogEvents.InternalError, ErrorText.Of(e));
        }
    }
}
