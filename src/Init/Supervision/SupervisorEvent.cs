using Init.Processes;

namespace Init.Supervision;

/// <summary>What the signal listener and the reaper tell the supervisor. Only the supervisor decides.</summary>
internal abstract record SupervisorEvent;

internal sealed record SignalReceived(int Signal) : SupervisorEvent;

internal sealed record ChildExited(int Pid, ExitStatus Status) : SupervisorEvent;

/// <summary>A child was stopped (waitpid WUNTRACED), e.g. by Ctrl-Z from the terminal it holds.</summary>
internal sealed record ChildStopped(int Pid, int Signal) : SupervisorEvent;

/// <summary>A datagram on the notify socket (READY=1, STATUS=..., WATCHDOG=1, ...) from process <paramref name="Pid"/>.</summary>
internal sealed record NotifyReceived(int Pid, string Message) : SupervisorEvent;

internal sealed record ReaperFailed(string Error) : SupervisorEvent;
