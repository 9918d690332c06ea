using System.Globalization;
using Mono.Unix.Native;

namespace Init.Posix;

/// <summary>
/// The signal mask and ignored set init was started with, read before anything changes them, so children
/// start as init's parent meant them to, not with the .NET runtime's state. One exception, measured: the
/// runtime ignores SIGPIPE before Main runs, so its original state is unknowable here; children always get
/// SIGPIPE at its default (which is what every container runtime starts processes with).
/// </summary>
internal readonly struct StartupSignalState
{
    public SignalSet Mask { get; init; }

    public SignalSet Ignored { get; init; }

    public static unsafe StartupSignalState Capture()
    {
        SignalSet mask;
        Libc.PthreadSigmask(Libc.SigBlock, null, &mask);

        var ignored = SignalSet.FromProcMask(ReadStatusMask("SigIgn"));
        ignored.Remove(NativeConvert.FromSignum(Signum.SIGPIPE));

        // An ignored SIGCHLD survives exec and makes the kernel reap init's children itself: waitpid would
        // only ever say ECHILD and the main child's exit status would be lost. init needs it at its default,
        // and so does any child that waits for its own children.
        var sigchld = NativeConvert.FromSignum(Signum.SIGCHLD);
        if (ignored.Contains(sigchld))
        {
            Libc.SetDefaultDisposition(sigchld);
            ignored.Remove(sigchld);
        }
        return new StartupSignalState { Mask = mask, Ignored = ignored };
    }

    /// <summary>Every signal but those ignored at start-up goes back to its default in a child.</summary>
    public SignalSet DefaultsForChild(int maxSignal)
    {
        var defaults = new SignalSet();
        for (var signal = 1; signal <= maxSignal; signal++)
        {
            if (!Ignored.Contains(signal))
            {
                defaults.Add(signal);
            }
        }
        return defaults;
    }

    /// <summary>
    /// A signal blocked when init started would never reach its handler; init must receive what it forwards.
    /// Threads started later inherit this thread's mask.
    /// </summary>
    public static unsafe void Unblock(IEnumerable<int> signals)
    {
        var set = SignalSet.Of(signals);
        Libc.PthreadSigmask(Libc.SigUnblock, &set, null);
    }

    private static ulong ReadStatusMask(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return ulong.Parse(line.AsSpan(field.Length + 1).Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}
