using Mono.Unix.Native;

namespace Init.Processes;

/// <summary>How a process ended, decoded from a wait status, and the exit code a shell (and Docker) reports for it.</summary>
internal readonly record struct ExitStatus(int Code, int Signal)
{
    public bool Signaled => Signal != 0;

    /// <summary>The exit code, or 128+N for death by signal N, as shells and Docker report it.</summary>
    public int ExitCode => Signaled ? 128 + Signal : Code;

    public static ExitStatus Exited(int code) => new(code, 0);

    public static ExitStatus KilledBy(int signal) => new(0, signal);

    /// <remarks>The signal is read as WTERMSIG does (status &amp; 0x7f): Mono's Syscall.WTERMSIG converts it to
    /// its Signum enum, which has no real-time signals, and throws for them, on the reaper thread.</remarks>
    public static ExitStatus FromWaitStatus(int status) =>
        Syscall.WIFSIGNALED(status)
            ? KilledBy(status & 0x7f)
            : Exited(Syscall.WEXITSTATUS(status));

    public override string ToString() =>
        Signaled ? $"killed by {Signals.SignalNames.Name(Signal)} (exit code {ExitCode})" : $"exit code {Code}";
}
