using System.Diagnostics.CodeAnalysis;
using Init.Posix;

namespace Init.Signals;

/// <summary>
/// Signal names and numbers as users write them: <c>TERM</c>, <c>SIGTERM</c>, <c>15</c>, <c>RTMIN+3</c>.
/// Numbers come from Posix/SignalNumbers.cs.
/// </summary>
internal static class SignalNames
{
    public static int RtMin => SignalNumbers.RtMin;

    public static int RtMax => SignalNumbers.RtMax;

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
        foreach (var (name, named) in SignalNumbers.Named)
        {
            if (name == s)
            {
                signal = named;
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

    /// <summary>Each name made once: log lines about signals are written (and their arguments evaluated) on
    /// the path every signal takes.</summary>
    private static readonly string?[] s_names = new string?[RtMax + 1];

    /// <summary>The conventional name: SIGTERM, SIGRTMIN+3; a bare number for anything unnamed.</summary>
    public static string Name(int signal) =>
        (uint)signal < (uint)s_names.Length ? s_names[signal] ??= MakeName(signal) : MakeName(signal);

    private static string MakeName(int signal)
    {
        foreach (var (name, number) in SignalNumbers.Named)
        {
            if (number == signal)
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
}
