using Init.Posix;

namespace Init.Signals;

/// <summary>
/// The signals init receives and passes on: every signal up to SIGRTMAX but those left out on purpose, which
/// are exactly the ones the constructor in Posix/native/startup_state.c never blocks (an integration test
/// compares init's SigBlk with this list): CHLD (init reaps on it, docs/design.md), KILL and STOP
/// (uncatchable), the fault signals the .NET runtime owns (SEGV BUS FPE ILL ABRT TRAP SYS), PIPE (the runtime
/// ignores it for init itself), glibc's reserved 32 and 33, and SIGRTMIN, which the NativeAOT runtime uses to
/// interrupt its own threads.
/// </summary>
internal static class ForwardableSignals
{
    private static readonly string[] Named =
    [
        "HUP", "INT", "QUIT", "USR1", "USR2", "ALRM", "TERM", "STKFLT", "CONT", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
        "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR",
    ];

    public static IReadOnlyList<int> All()
    {
        var signals = new List<int>(Named.Length + 32);
        foreach (var name in Named)
        {
            signals.Add(SignalNumbers.Number(name));
        }
        for (var rt = SignalNumbers.RtMin + 1; rt <= SignalNumbers.RtMax; rt++)
        {
            signals.Add(rt);
        }
        return signals;
    }

    public static bool IsJobControlStop(int signal) =>
        signal == SignalNumbers.Tstp || signal == SignalNumbers.Ttin || signal == SignalNumbers.Ttou;

    public static bool IsShutdownRequest(int signal) => signal == SignalNumbers.Term || signal == SignalNumbers.Int;
}
