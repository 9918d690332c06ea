using Init.Logging;
using Init.Posix;

namespace Init.Processes;

/// <summary>How a process ended, decoded from a wait status, and the exit code a shell (and Docker) reports for it.</summary>
internal readonly record struct ExitStatus(int Code, int Signal)
{
    public bool Signaled => Signal != 0;

    /// <summary>The exit code, or 128+N for death by signal N, as shells and Docker report it.</summary>
    public int ExitCode => Signaled ? 128 + Signal : Code;

    public static ExitStatus Exited(int code) => new(code, 0);

    public static ExitStatus KilledBy(int signal) => new(0, signal);

    public static ExitStatus FromWaitStatus(int status) =>
        WaitStatus.Signaled(status) ? KilledBy(WaitStatus.TermSignal(status)) : Exited(WaitStatus.ExitCode(status));

    /// <summary>For a {status} hole: exited or killed, the exit code and the signal as fields; as ToString in text.</summary>
    public static implicit operator LogValue(ExitStatus status) =>
        LogValue.Exit(status.ExitCode, status.Signaled ? Signals.SignalNames.Name(status.Signal) : null);

    public override string ToString() =>
        Signaled ? $"killed by {Signals.SignalNames.Name(Signal)} (exit code {ExitCode})" : $"exit code {Code}";
}
