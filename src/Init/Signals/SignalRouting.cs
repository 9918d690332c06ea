using Init.Posix;

namespace Init.Signals;

/// <summary>What init does with a signal it received.</summary>
internal enum SignalRoute
{
    /// <summary>A rewrite to 0: nothing is sent.</summary>
    Drop,

    /// <summary>Passed on to the main process (and the sidecars that asked for forwarded signals).</summary>
    Forward,

    /// <summary>SIGCONT: passed on like any other, and the terminal goes back to the child (a shell's fg).</summary>
    Continue,

    /// <summary>TSTP, TTIN, TTOU: passed on, then init stops itself unless it is PID 1 (dumb-init's job control).</summary>
    JobControlStop,

    /// <summary>TERM or INT (received, or what a rewrite made of one): the shutdown begins or goes on.</summary>
    Shutdown,
}

/// <summary>The signal to send and what it means. <see cref="Signal"/> is after the rewrite.</summary>
internal readonly record struct RoutedSignal(SignalRoute Route, int Received, int Signal);

/// <summary>Decides what a received signal means; no I/O.</summary>
internal static class SignalRouting
{
    public static RoutedSignal Route(int received, SignalRewriteMap rewrites)
    {
        var signal = rewrites.Apply(received);
        var route = signal == SignalRewriteMap.Drop ? SignalRoute.Drop
            : signal == SignalNumbers.Cont ? SignalRoute.Continue
            : ForwardableSignals.IsJobControlStop(signal) ? SignalRoute.JobControlStop
            // A rewrite of TERM to QUIT (nginx) is still a shutdown, and so is USR1 rewritten to TERM.
            : ForwardableSignals.IsShutdownRequest(signal) || ForwardableSignals.IsShutdownRequest(received) ? SignalRoute.Shutdown
            : SignalRoute.Forward;
        return new RoutedSignal(route, received, signal);
    }
}
