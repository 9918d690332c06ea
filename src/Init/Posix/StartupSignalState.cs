namespace Init.Posix;

/// <summary>
/// The signal state init was started with, as the constructor in native/startup_state.c recorded it before
/// the .NET runtime changed anything (docs/design.md, "Signal state"): the mask and the ignored set that
/// children start with, and the signals the constructor blocked for the loop to read from its signalfd.
/// </summary>
internal readonly struct StartupSignalState
{
    public SignalSet Mask { get; init; }

    public SignalSet Ignored { get; init; }

    /// <summary>Blocked in every thread since before Main: forwarded signals and SIGCHLD.</summary>
    public SignalSet Waited { get; init; }

    /// <summary>init was started with SIGCHLD ignored (the constructor took it back to its default for init).</summary>
    public bool SigchldWasIgnored { get; init; }

    public static unsafe StartupSignalState Read()
    {
        SignalSet mask, ignored, waited;
        NativeImports.StartMask(&mask);
        NativeImports.StartIgnored(&ignored);
        NativeImports.WaitedSignals(&waited);
        return new StartupSignalState
        {
            Mask = mask, Ignored = ignored, Waited = waited, SigchldWasIgnored = NativeImports.SigchldWasIgnored() != 0,
        };
    }
}
