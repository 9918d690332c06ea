using System.Diagnostics.CodeAnalysis;
using Init.Posix;
using Mono.Unix.Native;

namespace Init.Signals;

/// <summary>
/// Signal names and numbers as users write them: <c>TERM</c>, <c>SIGTERM</c>, <c>15</c>, <c>RTMIN+3</c>.
/// Numbers come from the platform through Mono.Posix (never hard-coded), real-time ones from glibc.
/// </summary>
internal static class SignalNames
{
    private static readonly (string Name, Signum Signum)[] Table =
    [
        ("HUP", Signum.SIGHUP), ("INT", Signum.SIGINT), ("QUIT", Signum.SIGQUIT), ("ILL", Signum.SIGILL),
        ("TRAP", Signum.SIGTRAP), ("ABRT", Signum.SIGABRT), ("IOT", Signum.SIGIOT), ("BUS", Signum.SIGBUS),
        ("FPE", Signum.SIGFPE), ("KILL", Signum.SIGKILL), ("USR1", Signum.SIGUSR1), ("SEGV", Signum.SIGSEGV),
        ("USR2", Signum.SIGUSR2), ("PIPE", Signum.SIGPIPE), ("ALRM", Signum.SIGALRM), ("TERM", Signum.SIGTERM),
        ("STKFLT", Signum.SIGSTKFLT), ("CHLD", Signum.SIGCHLD), ("CLD", Signum.SIGCLD), ("CONT", Signum.SIGCONT),
        ("STOP", Signum.SIGSTOP), ("TSTP", Signum.SIGTSTP), ("TTIN", Signum.SIGTTIN), ("TTOU", Signum.SIGTTOU),
        ("URG", Signum.SIGURG), ("XCPU", Signum.SIGXCPU), ("XFSZ", Signum.SIGXFSZ), ("VTALRM", Signum.SIGVTALRM),
        ("PROF", Signum.SIGPROF), ("WINCH", Signum.SIGWINCH), ("IO", Signum.SIGIO), ("POLL", Signum.SIGPOLL),
        ("PWR", Signum.SIGPWR), ("SYS", Signum.SIGSYS),
    ];

    public static int RtMin => Libc.CurrentSigRtMin();

    public static int RtMax => Libc.CurrentSigRtMax();

    public static int Number(Signum signum) => NativeConvert.FromSignum(signum);

    /// <summary>Parses a signal; <paramref name="allowZero"/> admits 0, the "drop" target of a rewrite.</summary>
    public static bool TryParse(string text, bool allowZero, out int signal)
    {
        signal = 0;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }
        if (int.TryParse(s, System.Globalization.NumberStyles.None, null, out var number))
        {
            signal = number;
            // 32 and 33 sit between SIGSYS and SIGRTMIN: glibc keeps them for its threads.
            return (allowZero && number == 0) || (number >= 1 && number <= 31) || (number >= RtMin && number <= RtMax);
        }

        s = s.ToUpperInvariant();
        if (s.StartsWith("SIG", StringComparison.Ordinal))
        {
            s = s[3..];
        }
        foreach (var (name, signum) in Table)
        {
            if (name == s)
            {
                signal = Number(signum);
                return true;
            }
        }
        return TryParseRealTime(s, out signal);
    }

    private static bool TryParseRealTime(string s, out int signal)
    {
        signal = 0;
        int baseSignal, sign;
        string rest;
        if (s.StartsWith("RTMIN", StringComparison.Ordinal))
        {
            (baseSignal, sign, rest) = (RtMin, 1, s[5..]);
        }
        else if (s.StartsWith("RTMAX", StringComparison.Ordinal))
        {
            (baseSignal, sign, rest) = (RtMax, -1, s[5..]);
        }
        else
        {
            return false;
        }

        var offset = 0;
        if (rest.Length > 0)
        {
            var expected = sign > 0 ? '+' : '-';
            if (rest[0] != expected ||
                !int.TryParse(rest.AsSpan(1), System.Globalization.NumberStyles.None, null, out offset))
            {
                return false;
            }
        }
        signal = baseSignal + sign * offset;
        return signal >= RtMin && signal <= RtMax;
    }

    /// <summary>The conventional name: SIGTERM, SIGRTMIN+3; a bare number for anything unnamed.</summary>
    public static string Name(int signal)
    {
        foreach (var (name, signum) in Table)
        {
            if (Number(signum) == signal)
            {
                return "SIG" + name;
            }
        }
        if (signal >= RtMin && signal <= RtMax)
        {
            return signal == RtMin ? "SIGRTMIN" : $"SIGRTMIN+{signal - RtMin}";
        }
        return signal.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool IsOneOf(int signal, params Signum[] signums)
    {
        foreach (var signum in signums)
        {
            if (Number(signum) == signal)
            {
                return true;
            }
        }
        return false;
    }
}
