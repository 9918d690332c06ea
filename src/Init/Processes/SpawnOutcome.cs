using Init.Posix;

namespace Init.Processes;

/// <summary>What became of a spawn: a pid, or why the command could not run and the shell's exit code for it.</summary>
internal readonly record struct SpawnOutcome(int Pid, int Error)
{
    public bool Started => Pid > 0;

    /// <summary>No process could be created (vfork's EAGAIN): not the command's fault.</summary>
    public bool AtProcessLimit => Error == ProcessLimit.Eagain;

    /// <summary>127 when the command is not there, 126 when it is there but cannot run: what shells and Docker use;
    /// 1 at the process limit, as tini exits when its fork fails.</summary>
    public int ExitCode => AtProcessLimit ? 1 : Error is FileChecks.Enoent or FileChecks.Enotdir ? 127 : 126;

    public static SpawnOutcome Failed(int errno) => new(0, errno);
}
