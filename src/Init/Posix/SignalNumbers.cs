using Mono.Unix.Native;

namespace Init.Posix;

/// <summary>
/// Signal numbers as this platform defines them (through Mono.Posix, never hard-coded), real-time ones from
/// glibc. The rest of init names signals through this class only.
/// </summary>
internal static class SignalNumbers
{
    public static readonly int Hup = N(Signum.SIGHUP), Int = N(Signum.SIGINT), Quit = N(Signum.SIGQUIT),
        Kill = N(Signum.SIGKILL), Usr1 = N(Signum.SIGUSR1), Usr2 = N(Signum.SIGUSR2), Pipe = N(Signum.SIGPIPE),
        Term = N(Signum.SIGTERM), Chld = N(Signum.SIGCHLD), Cont = N(Signum.SIGCONT), Stop = N(Signum.SIGSTOP),
        Tstp = N(Signum.SIGTSTP), Ttin = N(Signum.SIGTTIN), Ttou = N(Signum.SIGTTOU);

    /// <summary>Every named signal with the names users write (aliases included), in number order.</summary>
    public static readonly IReadOnlyList<(string Name, int Number)> Named =
    [
        ("HUP", Hup), ("INT", Int), ("QUIT", Quit), ("ILL", N(Signum.SIGILL)), ("TRAP", N(Signum.SIGTRAP)),
        ("ABRT", N(Signum.SIGABRT)), ("IOT", N(Signum.SIGIOT)), ("BUS", N(Signum.SIGBUS)), ("FPE", N(Signum.SIGFPE)),
        ("KILL", Kill), ("USR1", Usr1), ("SEGV", N(Signum.SIGSEGV)), ("USR2", Usr2), ("PIPE", Pipe),
        ("ALRM", N(Signum.SIGALRM)), ("TERM", Term), ("STKFLT", N(Signum.SIGSTKFLT)), ("CHLD", Chld),
        ("CLD", N(Signum.SIGCLD)), ("CONT", Cont), ("STOP", Stop), ("TSTP", Tstp), ("TTIN", Ttin), ("TTOU", Ttou),
        ("URG", N(Signum.SIGURG)), ("XCPU", N(Signum.SIGXCPU)), ("XFSZ", N(Signum.SIGXFSZ)),
        ("VTALRM", N(Signum.SIGVTALRM)), ("PROF", N(Signum.SIGPROF)), ("WINCH", N(Signum.SIGWINCH)),
        ("IO", N(Signum.SIGIO)), ("POLL", N(Signum.SIGPOLL)), ("PWR", N(Signum.SIGPWR)), ("SYS", N(Signum.SIGSYS)),
    ];

    public static int RtMin => Libc.CurrentSigRtMin();

    public static int RtMax => Libc.CurrentSigRtMax();

    public static int Number(string name)
    {
        foreach (var (n, number) in Named)
        {
            if (n == name)
            {
                return number;
            }
        }
        throw new ArgumentException($"no signal {name}", nameof(name));
    }

    private static int N(Signum signum) => NativeConvert.FromSignum(signum);
}
