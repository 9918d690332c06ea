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

    public override string ToString() =>
        Signaled ? $"killed by {Signals.SignalNames.Name(Signal)} (exit code {ExitCode})" : $"exit code {Code}";
}
