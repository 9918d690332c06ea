namespace Init.Status;

/// <summary>
/// The one owner of init's runtime directory, where a running init publishes what `init status` reads (and
/// the sd_notify socket): /run/init as PID 1 (one init per container), /run/init.PID otherwise (several may
/// share a machine); INIT_RUNTIME_DIR overrides both. Created on first use; removed at the end only when this
/// init created it and nothing else was put there.
/// </summary>
internal sealed class RuntimeDirectory : IDisposable
{
    public const string EnvKey = Options.EnvironmentSettings.RuntimeDirKey;
    public const string StatusFileName = "status";
    public const string NotifySocketName = "notify.sock";

    private bool _created;

    public RuntimeDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public string StatusFile => System.IO.Path.Combine(Path, StatusFileName);

    public string NotifySocket => System.IO.Path.Combine(Path, NotifySocketName);

    /// <param name="configured">INIT_RUNTIME_DIR; empty means not set. Made absolute: init leaves its start
    /// directory for / once running.</param>
    public static RuntimeDirectory ForThisInit(string? configured, int pid, bool isPid1) =>
        new(System.IO.Path.GetFullPath(configured is { Length: > 0 } ? configured : isPid1 ? StatusDiscovery.Pid1Directory : $"{StatusDiscovery.Pid1Directory}.{pid}"));

    /// <exception cref="IOException">it cannot be created (a read-only file system, say).</exception>
    /// <exception cref="UnauthorizedAccessException">likewise.</exception>
    public void Create()
    {
        if (!_created && !Directory.Exists(Path))
        {
            Directory.CreateDirectory(Path);
            _created = true;
        }
    }

    /// <summary>Nothing to do (not even a system call) when this init never created it.</summary>
    public void Dispose()
    {
        if (!_created)
        {
            return;
        }
        try
        {
            Directory.Delete(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Something else was put there meanwhile: leave it.
        }
    }
}
