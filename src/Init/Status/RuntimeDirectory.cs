namespace Init.Status;

/// <summary>
/// Where a running init publishes what `init status` reads: /run/init as PID 1 (one init per container),
/// /run/init.PID otherwise (several may share a machine); INIT_RUNTIME_DIR overrides both.
/// </summary>
internal static class RuntimeDirectory
{
    public const string EnvKey = Options.EnvironmentSettings.RuntimeDirKey;
    public const string StatusFile = "status";

    public static string ForThisInit(string? configured, int pid, bool isPid1) =>
        configured ?? (isPid1 ? "/run/init" : $"/run/init.{pid}");

    /// <summary>What `init status` reads when not told: INIT_RUNTIME_DIR, else the PID 1 location.</summary>
    public static string ForStatusCommand(string? configured) => configured ?? "/run/init";
}
