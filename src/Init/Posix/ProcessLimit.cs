namespace Init.Posix;

/// <summary>
/// The limits on how many tasks (processes and threads) there may be: the user's RLIMIT_NPROC (`ulimit -u`)
/// and the cgroup's pids.max. At either, fork, vfork and pthread_create fail with EAGAIN, and init says so in
/// one line and exits 1, as tini does (docs/design.md, "The process limit").
/// </summary>
internal static class ProcessLimit
{
    public const int Eagain = Abi.Eagain;

    /// <summary>What init says, after what could not be done.</summary>
    public const string Explanation = "the process limit is reached (RLIMIT_NPROC, ulimit -u, or the cgroup's pids.max)";

    /// <summary>Whether no task can be created right now: asked by trying (native/startup_state.c).</summary>
    public static bool Reached() => NativeImports.TaskRoom() == Eagain;

    /// <summary>What the runtime throws when it cannot start a thread: an OutOfMemoryException, possibly
    /// inside the TypeInitializationException of the class that wanted the thread.</summary>
    public static bool MayExplain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is OutOfMemoryException)
            {
                return true;
            }
        }
        return false;
    }
}
