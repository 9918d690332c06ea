using Mono.Unix.Native;

namespace Init.Signals;

/// <summary>
/// The signals init catches and passes on. Left out on purpose: CHLD (the reaper waits instead, see
/// Processes/Reaper.cs), KILL and STOP (uncatchable), the fault signals the .NET runtime owns (SEGV BUS FPE
/// ILL ABRT TRAP SYS), PIPE (the runtime ignores it, so it never arrives), and SIGRTMIN itself, which the
/// NativeAOT runtime uses to interrupt its own threads: forwarding it would pass on the runtime's noise.
/// </summary>
internal static class ForwardableSignals
{
    private static readonly Signum[] Named =
    [
        Signum.SIGHUP, Signum.SIGINT, Signum.SIGQUIT, Signum.SIGUSR1, Signum.SIGUSR2, Signum.SIGALRM,
        Signum.SIGTERM, Signum.SIGSTKFLT, Signum.SIGCONT, Signum.SIGTSTP, Signum.SIGTTIN, Signum.SIGTTOU,
        Signum.SIGURG, Signum.SIGXCPU, Signum.SIGXFSZ, Signum.SIGVTALRM, Signum.SIGPROF, Signum.SIGWINCH,
        Signum.SIGIO, Signum.SIGPWR,
    ];

    public static IReadOnlyList<int> All()
    {
        var signals = new List<int>(Named.Length + 32);
        foreach (var signum in Named)
        {
            signals.Add(SignalNames.Number(signum));
        }
        for (var rt = SignalNames.RtMin + 1; rt <= SignalNames.RtMax; rt++)
        {
            signals.Add(rt);
        }
        return signals;
    }

    public static bool IsJobControlStop(int signal) =>
        SignalNames.IsOneOf(signal, Signum.SIGTSTP, Signum.SIGTTIN, Signum.SIGTTOU);

    public static bool IsShutdownRequest(int signal) => SignalNames.IsOneOf(signal, Signum.SIGTERM, Signum.SIGINT);
}
