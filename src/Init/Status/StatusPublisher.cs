using Init.Logging;

namespace Init.Status;

/// <summary>
/// Writes the processes' state to DIR/status whenever it changes (write to a temp file, then rename, so a
/// reader never sees half a file). No socket, no port, nothing polled: `init status` just reads it.
/// A publish that fails is tried again at the next change, never on a timer (init does not wake up idle):
/// meanwhile the old file is removed where that still works, and `init status` tells an old file from a
/// fresh one by its pids and start times (<see cref="StatusFreshness"/>).
/// </summary>
internal sealed class StatusPublisher
{
    private readonly RuntimeDirectory _directory;
    private readonly Log _log;
    private long _sequence;
    private long? _initStartTicks;
    private bool _failing;

    public StatusPublisher(RuntimeDirectory directory, Log log)
    {
        _directory = directory;
        _log = log;
    }

    public void Publish(int initPid, IEnumerable<ProcessSnapshot> processes)
    {
        _initStartTicks ??= Processes.ProcessTable.StartTicks(initPid);
        var path = _directory.StatusFile;
        var temp = path + ".tmp";
        try
        {
            _directory.Create();
            File.WriteAllBytes(temp, StatusFile.Serialize(new StatusWriter(initPid, _initStartTicks, ++_sequence), processes));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full or read-only directory must not stop init; a status that cannot be kept true goes.
            TryDelete(temp);
            var removed = TryDelete(path);
            if (!_failing)
            {
                _failing = true;
                _log.Write(LogEvents.StatusUnavailable, _directory.Path, Posix.ErrorText.Of(e), removed ? "removed" : "kept",
                    RuntimeDirectory.EnvKey);
            }
            return;
        }
        if (_failing)
        {
            _failing = false;
            _log.Write(LogEvents.StatusRestored, _directory.Path);
        }
    }

    public void Remove() => TryDelete(_directory.StatusFile);

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
